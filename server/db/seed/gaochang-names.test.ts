import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { type AdminKind, GAOCHANG_DISTRICT } from "./gaochang-names.ts";
import { titleCase, uyghurLatin } from "./uyghur-latin.ts";

interface Unit {
  code: string;
  name: string;
  nameUg?: string;
  nameEn: string;
  kind: AdminKind;
  parent: Unit | null;
}

const district: Unit = { ...GAOCHANG_DISTRICT, parent: null };
const units: Unit[] = [district];
for (const township of GAOCHANG_DISTRICT.children) {
  const parent: Unit = { ...township, parent: district };
  units.push(parent, ...township.children.map((c) => ({ ...c, parent })));
}

/** The generic part of a name in each language, by kind. */
const GENERIC: Record<AdminKind, { zh: RegExp; ug: string; en: RegExp }> = {
  district: { zh: /区$/, ug: " رايونى", en: / District$/ },
  subdistrict: { zh: /街道$/, ug: " كوچا باشقارمىسى", en: / Subdistrict$/ },
  town: { zh: /镇$/, ug: " بازىرى", en: / Town$/ },
  township: { zh: /乡$/, ug: " يېزىسى", en: / Township$/ },
  farm: { zh: /(园艺)?场$/, ug: " مەيدانى", en: /( Horticultural)? Farm$/ },
  community: { zh: /社区$/, ug: " مەھەللىسى", en: / Community$/ },
  village: { zh: /村$/, ug: " كەنتى", en: / Village$/ },
};

/**
 * Units with a Uyghur name whose English name is Hanyu Pinyin: the district and the subdistricts (their
 * official English names), names of Han origin (大河沿 داخېيەن, 三堡 سەنبۇ), the farms (their Uyghur names
 * translate the Chinese), and 葡萄沟社区, spelt like its subdistrict.
 */
const PINYIN = new Map([
  ["650402", "Gaochang"],
  ["650402001", "Laochenglu"],
  ["650402002", "Gaochanglu"],
  ["650402003", "Putaogou"],
  ["650402003001", "Putaogou"],
  ["650402101", "Daheyan"],
  ["650402106", "Sanbao"],
  ["650402400", "Yuanzhong"],
  ["650402401", "Hongliuhe"],
]);

const proper = (unit: Unit) => unit.nameEn.replace(GENERIC[unit.kind].en, "");

describe("uyghurLatin", () => {
  it("spells Uyghur in the Uyghur Latin script letter for letter", () => {
    expect(uyghurLatin("قىزىلتاغ")).toBe("qiziltagh");
    expect(uyghurLatin("يەتتە بۇلاق")).toBe("yette bulaq");
    expect(uyghurLatin("چاتقال")).toBe("chatqal");
    expect(uyghurLatin("خېلى ژۇرنال")).toBe("xéli zhurnal");
  });

  it("drops the hamza carrier before a word-initial vowel and writes ' for it inside a word", () => {
    expect(uyghurLatin("ئۈزۈم")).toBe("üzüm");
    expect(uyghurLatin("ئايدىڭكۆل")).toBe("aydingköl");
    expect(uyghurLatin("مەسئۇل")).toBe("mes'ul");
  });

  it("separates two letters that would read as one digraph (n'g is not ng)", () => {
    expect(uyghurLatin("ئەنگلىيە")).toBe("en'gliye");
    expect(uyghurLatin("سىڭگىم")).toBe("singgim");
    expect(uyghurLatin("ئىسھاق")).toBe("is'haq");
  });

  it("capitalises each word of a name", () => {
    expect(titleCase("yette bulaq")).toBe("Yette Bulaq");
    expect(titleCase("üzüm")).toBe("Üzüm");
  });
});

describe("English names of the Gaochang demo grids", () => {
  it("names the district, its 14 townships and 92 villages, each with the generic its kind says", () => {
    expect(units).toHaveLength(107);
    for (const unit of units) {
      expect(unit.name, unit.code).toMatch(GENERIC[unit.kind].zh);
      expect(unit.nameEn, unit.code).toMatch(GENERIC[unit.kind].en);
      expect(proper(unit), unit.code).toMatch(/^\S/);
    }
    expect(new Set(units.map((u) => u.nameEn)).size).toBe(107);
  });

  it("spells a name of Uyghur origin in ULY, transliterated from its Uyghur name", () => {
    const uly = units.filter((u) => u.nameUg && !PINYIN.has(u.code));
    expect(uly.map((u) => u.nameEn)).toEqual([
      "Yette Bulaq Town",
      "Yar Town",
      "Yar Village",
      "Qiziltagh Town",
      "Üzüm Township",
      "Chatqal Township",
      "Astane Village",
      "Singgim Township",
      "Singgim Village",
      "Aydingköl Township",
      "Aydingköl Village",
    ]);
    for (const unit of uly) {
      const { ug } = GENERIC[unit.kind];
      expect(unit.nameUg?.endsWith(ug), unit.code).toBe(true);
      expect(proper(unit)).toBe(titleCase(uyghurLatin(unit.nameUg?.slice(0, -ug.length) ?? "")));
    }
    for (const [code, pinyin] of PINYIN)
      expect(proper(units.find((u) => u.code === code) as Unit)).toBe(pinyin);
  });

  it("spells a unit named after its parent as the parent is spelt (七泉湖社区 → Yette Bulaq Community)", () => {
    const namedAfterParent = units.filter(
      (u) =>
        u.parent &&
        u.name.replace(GENERIC[u.kind].zh, "") === u.parent.name.replace(GENERIC[u.parent.kind].zh, ""),
    );
    expect(namedAfterParent.length).toBeGreaterThanOrEqual(7);
    for (const unit of namedAfterParent) expect(proper(unit), unit.code).toBe(proper(unit.parent as Unit));
  });

  it("romanises without tone marks, ü kept, Pinyin with ' before a syllable starting with a, o or e", () => {
    const pinyin = units.filter((u) => !u.nameUg || PINYIN.has(u.code)).map(proper);
    for (const name of pinyin) expect(name).toMatch(/^[A-Z][a-zü']+( [A-Z][a-z]+)?$/);
    expect(units.find((u) => u.name === "艾斯克霞尔村")?.nameEn).toBe("Aisikexia'er Village");
    expect(units.find((u) => u.name === "吕宗村")?.nameEn).toBe("Lüzong Village");
  });

  it("is what the seed's GeoJSON carries", () => {
    const file = path.join(path.dirname(fileURLToPath(import.meta.url)), "gaochang-grids.geojson");
    const features: { properties: { code: string; name: string; nameUg?: string; nameEn?: string } }[] =
      JSON.parse(fs.readFileSync(file, "utf8")).features;
    expect(
      features.map(({ properties: { code, name, nameUg, nameEn } }) => ({ code, name, nameUg, nameEn })),
    ).toEqual(
      expect.arrayContaining(units.map(({ code, name, nameUg, nameEn }) => ({ code, name, nameUg, nameEn }))),
    );
    expect(features).toHaveLength(units.length);
  });
});
