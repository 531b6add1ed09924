import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { en } from "../i18n/en";
import { ug } from "../i18n/ug";
import { zhCN } from "../i18n/zh-CN";
import { apiErrorText } from "./errorText";

const UNKNOWN = "?";
const uyghur = (code: string) => (ug.errors?.api as Record<string, string> | undefined)?.[code];
const wrongPassword = {
  error: "invalid_credentials",
  message: "用户名或密码错误",
  messageEn: "Wrong username or password",
};

describe("API errors in the reader's language", () => {
  it("words a known error in Uyghur, which the server does not speak", () => {
    const text = apiErrorText(wrongPassword, "ug", uyghur, UNKNOWN);
    expect(text).toBe("ئىشلەتكۈچى نامى ياكى پارول خاتا");
    expect(text).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it("keeps the server's own Chinese and English messages, and Chinese for a code Uyghur lacks", () => {
    expect(apiErrorText(wrongPassword, "zh-CN", uyghur, UNKNOWN)).toBe("用户名或密码错误");
    expect(apiErrorText(wrongPassword, "en", uyghur, UNKNOWN)).toBe("Wrong username or password");
    const rare = { error: "grid_overlaps_sibling", message: "与相邻网格重叠", messageEn: "Overlaps" };
    expect(apiErrorText(rare, "ug", uyghur, UNKNOWN)).toBe("与相邻网格重叠");
    expect(apiErrorText({ error: "x", message: "" }, "ug", uyghur, UNKNOWN)).toBe(UNKNOWN);
  });

  it("translates only codes the server sends, the same codes in every language", () => {
    const server = ["errors.ts", "plugins/errors.ts"]
      .map((file) => fs.readFileSync(path.resolve("server", file), "utf8"))
      .join("\n");
    const codes = Object.keys(zhCN.errors.api);
    for (const code of codes) expect(server, `server code ${code}`).toContain(`"${code}"`);
    expect(Object.keys(en.errors.api).sort()).toEqual([...codes].sort());
    expect(Object.keys(ug.errors?.api ?? {}).sort()).toEqual([...codes].sort());
  });
});
