import { describe, expect, it } from "vitest";
import { departmentName, localDepartmentName, type NamedDepartment } from "./departmentName";

const eco: NamedDepartment = {
  name: "市生态环境局高昌区分局",
  nameUg: "تۇرپان شەھەرلىك ئېكولوگىيە-مۇھىت ئىدارىسى قاراھوجا رايونلۇق شۆبە ئىدارىسى",
  nameEn: "Gaochang Branch, Turpan Municipal Ecology and Environment Bureau",
};
const untranslated: NamedDepartment = { name: "区新设局", nameUg: null, nameEn: "" };
const list = new Map([
  [1, eco],
  [2, untranslated],
]);

describe("department names in the reader's language", () => {
  it("gives the recorded translation for Uyghur and English and the official name in Chinese", () => {
    expect(departmentName(eco, "ug")).toBe(eco.nameUg);
    expect(departmentName(eco, "en")).toBe(eco.nameEn);
    expect(departmentName(eco, "zh-CN")).toBe(eco.name);
  });

  it("falls back to the Chinese name where no translation is recorded", () => {
    expect(departmentName(untranslated, "ug")).toBe("区新设局");
    expect(departmentName(untranslated, "en")).toBe("区新设局");
    expect(departmentName({ name: "区水利局" }, "ug")).toBe("区水利局");
  });

  it("looks a row's department up by id, keeping the server's name when the list cannot say", () => {
    expect(localDepartmentName(list, 1, "旧名", "ug")).toBe(eco.nameUg);
    expect(localDepartmentName(list, 2, "区新设局", "en")).toBe("区新设局");
    // not in the list (a department added since it was loaded), no id, or the list not loaded yet
    expect(localDepartmentName(list, 99, "区某局", "ug")).toBe("区某局");
    expect(localDepartmentName(list, null, "区某局", "ug")).toBe("区某局");
    expect(localDepartmentName(undefined, 1, "市生态环境局高昌区分局", "en")).toBe("市生态环境局高昌区分局");
  });
});
