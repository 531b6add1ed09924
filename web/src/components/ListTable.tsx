import { Grid, Table, type TableProps } from "antd";
import "./list-table.css";

/** Less than half of a 360 px screen, so a wrapped name leaves room for the figures beside it. */
const PHONE_WRAP_WIDTH = 150;

interface ListTableProps<T> extends TableProps<T> {
  /**
   * Columns (by key) whose text may run long (a department's English name, a case title): on a phone they
   * wrap at `PHONE_WRAP_WIDTH` rather than stretch the table until the columns beside them are off screen.
   */
  phoneWrap?: readonly string[];
}

/**
 * antd's Table for the staff list pages. Below antd's `md` (a phone) the table is as wide as its content and
 * scrolls sideways in its own box, with headers on one line: squeezed into 360 px it would break Chinese
 * headers one character a line and push the page wider than the screen. Pages keep their primary column
 * first and mark the ones a phone can do without with antd's `responsive`. Wider screens get the table exactly
 * as the page configured it.
 */
export function ListTable<T extends object>({
  className,
  scroll,
  tableLayout,
  columns,
  phoneWrap,
  ...props
}: ListTableProps<T>) {
  const narrow = Grid.useBreakpoint().md === false;
  return (
    <Table<T>
      {...props}
      className={className ? `list-table ${className}` : "list-table"}
      columns={
        narrow && phoneWrap
          ? columns?.map((c) =>
              typeof c.key === "string" && phoneWrap.includes(c.key) ? { ...c, width: PHONE_WRAP_WIDTH } : c,
            )
          : columns
      }
      // antd lays a table with an ellipsis column out "fixed", which ignores the content's width
      tableLayout={narrow ? (tableLayout ?? "auto") : tableLayout}
      scroll={narrow ? { ...scroll, x: "max-content" } : scroll}
    />
  );
}
