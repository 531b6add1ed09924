import { describe, expect, it } from "vitest";
import { csvField, parseCsv } from "./csv.ts";

describe("CSV parsing", () => {
  it("reads plain records with LF or CRLF and drops a byte-order mark", () => {
    expect(parseCsv("\uFEFF类型,名称\r\n排污企业,甲厂\n水源地,乙\n")).toEqual([
      ["类型", "名称"],
      ["排污企业", "甲厂"],
      ["水源地", "乙"],
    ]);
  });
  it("reads quoted fields with commas, quotes and line breaks", () => {
    expect(parseCsv('a,"b,c","say ""hi""","two\nlines"\r\nx,,"",z')).toEqual([
      ["a", "b,c", 'say "hi"', "two\nlines"],
      ["x", "", "", "z"],
    ]);
  });
  it("keeps a last record without a final newline, and empty lines as one empty field", () => {
    expect(parseCsv("a,b\n\nc,d")).toEqual([["a", "b"], [""], ["c", "d"]]);
  });
  it("round-trips fields through csvField", () => {
    const fields = ["plain", "with,comma", 'with "quote"', "multi\nline", ""];
    expect(parseCsv(fields.map(csvField).join(","))).toEqual([fields]);
  });
});
