import type { TableColumnType } from "antd";

/** A rate as a percentage with one decimal; a dash when nothing was due. */
export const percent = (rate: number | null) => (rate === null ? "—" : `${(rate * 100).toFixed(1)}%`);

/** An antd column sorter on a numeric field; a rate with nothing due sorts below 0 %. */
export function numericSorter<T>(value: (row: T) => number | null): (a: T, b: T) => number {
  return (a, b) => (value(a) ?? -1) - (value(b) ?? -1);
}

type NumericKey<T> = { [K in keyof T]: T[K] extends number | null ? K : never }[keyof T] & string;

/** A right-aligned, sortable column of a count. */
export function countColumn<T>(key: NumericKey<T>, title: string): TableColumnType<T> {
  return {
    key,
    title,
    dataIndex: key,
    align: "end",
    sorter: numericSorter((r: T) => r[key] as number | null),
  };
}

/** A right-aligned, sortable column of a rate, as a percentage. */
export function rateColumn<T>(key: NumericKey<T>, title: string): TableColumnType<T> {
  return {
    key,
    title,
    align: "end",
    render: (_: unknown, r: T) => percent(r[key] as number | null),
    sorter: numericSorter((r: T) => r[key] as number | null),
  };
}
