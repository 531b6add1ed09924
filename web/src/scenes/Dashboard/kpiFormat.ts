/** A rate as a percentage with one decimal; a dash when nothing was due. */
export const percent = (rate: number | null) => (rate === null ? "—" : `${(rate * 100).toFixed(1)}%`);

/** An antd column sorter on a numeric field; a rate with nothing due sorts below 0 %. */
export function numericSorter<T>(value: (row: T) => number | null): (a: T, b: T) => number {
  return (a, b) => (value(a) ?? -1) - (value(b) ?? -1);
}
