import { describe, expect, it } from "vitest";
import { checkPasswordPolicy, passwordClassCount } from "./password-policy.ts";

describe("password policy (等保三级)", () => {
  it("counts character classes", () => {
    expect(passwordClassCount("abc")).toBe(1);
    expect(passwordClassCount("abcDEF12")).toBe(3);
    expect(passwordClassCount("Ab1!")).toBe(4);
    expect(passwordClassCount("密码abc123")).toBe(3); // non-ASCII counts as "other"
  });

  it("needs 8 characters from 3 of 4 classes and not the username", () => {
    expect(checkPasswordPolicy("Ab1!xyz")).toBe("too_short");
    expect(checkPasswordPolicy("abcdefgh")).toBe("too_simple");
    expect(checkPasswordPolicy("abcdefg1")).toBe("too_simple");
    expect(checkPasswordPolicy("abcdef1!")).toBe("ok");
    expect(checkPasswordPolicy("Envgrid@2026")).toBe("ok");
    expect(checkPasswordPolicy("Member@2026", "member")).toBe("contains_username");
    expect(checkPasswordPolicy(`Aa1!${"x".repeat(200)}`)).toBe("too_long");
  });
});
