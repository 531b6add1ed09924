/**
 * Administrative tree of Gaochang District (吐鲁番市高昌区, Xinjiang), used to seed the demo grid hierarchy.
 *
 * The district and its 14 level-2 units follow the real structure; level-3 names are partly real and partly
 * invented so that every unit has a plausible name. Codes follow the statistical-division pattern:
 * level-2 = district code + 3 digits (001–003 subdistricts, 100–108 towns/townships, 400–401 farms);
 * level-3 = parent code + 3 digits (001… communities, 200… villages).
 *
 * The polygons for these codes are synthetic and produced by scripts/generate-gaochang-grids.ts.
 * `nameUg` is the Uyghur (Arabic script) name where a reasonable transliteration exists.
 * `nameEn` is the English name (docs/grid-administration.md "English names"): the proper name in the Uyghur
 * Latin script (ULY) where the Uyghur name is of Uyghur origin (Yar Town, Üzüm Township), in Hanyu Pinyin for
 * subdistricts, names of Han origin and units without a Uyghur name (Putaogou Subdistrict, Sanbao Township);
 * a unit named after its parent spells it as the parent does; the Chinese generic becomes District,
 * Subdistrict, Town, Township, Farm, Community or Village. gaochang-names.test.ts checks the ULY ones against
 * the Uyghur names. Migration 0023 gives the same names to databases seeded before it: keep both in step.
 */

export type Level2Kind = "subdistrict" | "town" | "township" | "farm";
export type Level3Kind = "village" | "community";
export type AdminKind = "district" | Level2Kind | Level3Kind;

export interface Level3Unit {
  readonly code: string;
  readonly name: string;
  readonly nameUg?: string;
  readonly nameEn: string;
  readonly kind: Level3Kind;
}

export interface Level2Unit {
  readonly code: string;
  readonly name: string;
  readonly nameUg?: string;
  readonly nameEn: string;
  readonly kind: Level2Kind;
  /** Redundant with children.length on purpose: the generator asserts both agree, catching edit slips. */
  readonly childCount: number;
  readonly children: readonly Level3Unit[];
}

export interface DistrictUnit {
  readonly code: string;
  readonly name: string;
  readonly nameUg?: string;
  readonly nameEn: string;
  readonly kind: "district";
  readonly children: readonly Level2Unit[];
}

export const GAOCHANG_DISTRICT: DistrictUnit = {
  code: "650402",
  name: "高昌区",
  nameUg: "قاراھوجا رايونى",
  nameEn: "Gaochang District",
  kind: "district",
  children: [
    {
      code: "650402001",
      name: "老城路街道",
      nameUg: "كونا شەھەر يولى كوچا باشقارمىسى",
      nameEn: "Laochenglu Subdistrict",
      kind: "subdistrict",
      childCount: 7,
      children: [
        { code: "650402001001", name: "新城社区", nameEn: "Xincheng Community", kind: "community" },
        { code: "650402001002", name: "文化路社区", nameEn: "Wenhualu Community", kind: "community" },
        { code: "650402001003", name: "团结路社区", nameEn: "Tuanjielu Community", kind: "community" },
        { code: "650402001004", name: "光明社区", nameEn: "Guangming Community", kind: "community" },
        { code: "650402001005", name: "青年路社区", nameEn: "Qingnianlu Community", kind: "community" },
        { code: "650402001006", name: "绿洲社区", nameEn: "Lüzhou Community", kind: "community" },
        { code: "650402001007", name: "东环路社区", nameEn: "Donghuanlu Community", kind: "community" },
      ],
    },
    {
      code: "650402002",
      name: "高昌路街道",
      nameUg: "قاراھوجا يولى كوچا باشقارمىسى",
      nameEn: "Gaochanglu Subdistrict",
      kind: "subdistrict",
      childCount: 6,
      children: [
        { code: "650402002001", name: "高昌路社区", nameEn: "Gaochanglu Community", kind: "community" },
        { code: "650402002002", name: "迎宾路社区", nameEn: "Yingbinlu Community", kind: "community" },
        { code: "650402002003", name: "木纳尔社区", nameEn: "Muna'er Community", kind: "community" },
        { code: "650402002004", name: "沙河社区", nameEn: "Shahe Community", kind: "community" },
        { code: "650402002005", name: "金湾社区", nameEn: "Jinwan Community", kind: "community" },
        { code: "650402002006", name: "交河路社区", nameEn: "Jiaohelu Community", kind: "community" },
      ],
    },
    {
      code: "650402003",
      name: "葡萄沟街道",
      nameUg: "بۇيلۇق كوچا باشقارمىسى",
      nameEn: "Putaogou Subdistrict",
      kind: "subdistrict",
      childCount: 5,
      children: [
        {
          code: "650402003001",
          name: "葡萄沟社区",
          nameUg: "بۇيلۇق مەھەللىسى",
          nameEn: "Putaogou Community",
          kind: "community",
        },
        { code: "650402003002", name: "达甫散盖社区", nameEn: "Dafusangai Community", kind: "community" },
        { code: "650402003003", name: "坎儿孜社区", nameEn: "Kan'erzi Community", kind: "community" },
        { code: "650402003200", name: "艾斯克霞尔村", nameEn: "Aisikexia'er Village", kind: "village" },
        { code: "650402003201", name: "吐尔帕克村", nameEn: "Tu'erpake Village", kind: "village" },
      ],
    },
    {
      code: "650402100",
      name: "七泉湖镇",
      nameUg: "يەتتە بۇلاق بازىرى",
      nameEn: "Yette Bulaq Town",
      kind: "town",
      childCount: 4,
      children: [
        { code: "650402100001", name: "七泉湖社区", nameEn: "Yette Bulaq Community", kind: "community" },
        { code: "650402100200", name: "塔尔朗村", nameEn: "Ta'erlang Village", kind: "village" },
        { code: "650402100201", name: "煤窑沟村", nameEn: "Meiyaogou Village", kind: "village" },
        { code: "650402100202", name: "克孜勒阔坦村", nameEn: "Kezilekuotan Village", kind: "village" },
      ],
    },
    {
      code: "650402101",
      name: "大河沿镇",
      nameUg: "داخېيەن بازىرى",
      nameEn: "Daheyan Town",
      kind: "town",
      childCount: 5,
      children: [
        { code: "650402101001", name: "大河沿社区", nameEn: "Daheyan Community", kind: "community" },
        { code: "650402101002", name: "站前社区", nameEn: "Zhanqian Community", kind: "community" },
        { code: "650402101200", name: "苏贝希村", nameEn: "Subeixi Village", kind: "village" },
        { code: "650402101201", name: "乌斯通布拉克村", nameEn: "Wusitongbulake Village", kind: "village" },
        { code: "650402101202", name: "阿拉沟村", nameEn: "Alagou Village", kind: "village" },
      ],
    },
    {
      code: "650402102",
      name: "亚尔镇",
      nameUg: "يار بازىرى",
      nameEn: "Yar Town",
      kind: "town",
      childCount: 18,
      children: [
        {
          code: "650402102001",
          name: "老城东门社区",
          nameEn: "Laochengdongmen Community",
          kind: "community",
        },
        { code: "650402102002", name: "戈壁社区", nameEn: "Gebi Community", kind: "community" },
        {
          code: "650402102003",
          name: "新城东门社区",
          nameEn: "Xinchengdongmen Community",
          kind: "community",
        },
        { code: "650402102004", name: "克孜勒吐尔社区", nameEn: "Keziletu'er Community", kind: "community" },
        { code: "650402102005", name: "南门社区", nameEn: "Nanmen Community", kind: "community" },
        { code: "650402102006", name: "红星社区", nameEn: "Hongxing Community", kind: "community" },
        { code: "650402102200", name: "英买里村", nameEn: "Yingmaili Village", kind: "village" },
        { code: "650402102201", name: "亚尔果勒村", nameEn: "Ya'erguole Village", kind: "village" },
        { code: "650402102202", name: "亚尔村", nameUg: "يار كەنتى", nameEn: "Yar Village", kind: "village" },
        { code: "650402102203", name: "上湖村", nameEn: "Shanghu Village", kind: "village" },
        { code: "650402102204", name: "恰章村", nameEn: "Qiazhang Village", kind: "village" },
        { code: "650402102205", name: "塔格托维村", nameEn: "Tagetuowei Village", kind: "village" },
        { code: "650402102206", name: "色依迪汗村", nameEn: "Seyidihan Village", kind: "village" },
        { code: "650402102207", name: "吕宗村", nameEn: "Lüzong Village", kind: "village" },
        { code: "650402102208", name: "加依村", nameEn: "Jiayi Village", kind: "village" },
        { code: "650402102209", name: "亚尔贝希村", nameEn: "Ya'erbeixi Village", kind: "village" },
        { code: "650402102210", name: "夏勒克村", nameEn: "Xialeke Village", kind: "village" },
        { code: "650402102211", name: "新城西门村", nameEn: "Xinchengximen Village", kind: "village" },
      ],
    },
    {
      code: "650402103",
      name: "火焰山镇",
      nameUg: "قىزىلتاغ بازىرى",
      nameEn: "Qiziltagh Town",
      kind: "town",
      childCount: 6,
      children: [
        { code: "650402103001", name: "火焰山社区", nameEn: "Qiziltagh Community", kind: "community" },
        { code: "650402103200", name: "巴达木村", nameEn: "Badamu Village", kind: "village" },
        { code: "650402103201", name: "阔纳协海尔村", nameEn: "Kuonaxiehai'er Village", kind: "village" },
        { code: "650402103202", name: "二堡村", nameEn: "Erbao Village", kind: "village" },
        { code: "650402103203", name: "吐尔逊巴格村", nameEn: "Tu'erxunbage Village", kind: "village" },
        { code: "650402103204", name: "库鲁克塔格村", nameEn: "Kuluketage Village", kind: "village" },
      ],
    },
    {
      code: "650402104",
      name: "葡萄乡",
      nameUg: "ئۈزۈم يېزىسى",
      nameEn: "Üzüm Township",
      kind: "township",
      childCount: 8,
      children: [
        { code: "650402104200", name: "巴格日村", nameEn: "Bageri Village", kind: "village" },
        { code: "650402104201", name: "贝勒克其村", nameEn: "Beilekeqi Village", kind: "village" },
        { code: "650402104202", name: "布依鲁克村", nameEn: "Buyiluke Village", kind: "village" },
        { code: "650402104203", name: "霍依拉坎村", nameEn: "Huoyilakan Village", kind: "village" },
        { code: "650402104204", name: "英萨村", nameEn: "Yingsa Village", kind: "village" },
        { code: "650402104205", name: "铁提尔村", nameEn: "Tieti'er Village", kind: "village" },
        { code: "650402104206", name: "托特能村", nameEn: "Tuoteneng Village", kind: "village" },
        { code: "650402104207", name: "达格斯村", nameEn: "Dagesi Village", kind: "village" },
      ],
    },
    {
      code: "650402105",
      name: "恰特喀勒乡",
      nameUg: "چاتقال يېزىسى",
      nameEn: "Chatqal Township",
      kind: "township",
      childCount: 8,
      children: [
        { code: "650402105200", name: "恰特喀勒村", nameEn: "Chatqal Village", kind: "village" },
        { code: "650402105201", name: "公相村", nameEn: "Gongxiang Village", kind: "village" },
        { code: "650402105202", name: "琼库勒村", nameEn: "Qiongkule Village", kind: "village" },
        { code: "650402105203", name: "喀拉霍加村", nameEn: "Kalahuojia Village", kind: "village" },
        { code: "650402105204", name: "克其克吐格曼村", nameEn: "Keqiketugeman Village", kind: "village" },
        { code: "650402105205", name: "奥依曼布拉克村", nameEn: "Aoyimanbulake Village", kind: "village" },
        { code: "650402105206", name: "托台村", nameEn: "Tuotai Village", kind: "village" },
        { code: "650402105207", name: "英吐尔村", nameEn: "Yingtu'er Village", kind: "village" },
      ],
    },
    {
      code: "650402106",
      name: "三堡乡",
      nameUg: "سەنبۇ يېزىسى",
      nameEn: "Sanbao Township",
      kind: "township",
      childCount: 6,
      children: [
        {
          code: "650402106200",
          name: "阿斯塔那村",
          nameUg: "ئاستانە كەنتى",
          nameEn: "Astane Village",
          kind: "village",
        },
        { code: "650402106201", name: "曼古布拉克村", nameEn: "Mangubulake Village", kind: "village" },
        { code: "650402106202", name: "英吐格曼村", nameEn: "Yingtugeman Village", kind: "village" },
        { code: "650402106203", name: "台藏村", nameEn: "Taizang Village", kind: "village" },
        { code: "650402106204", name: "园艺村", nameEn: "Yuanyi Village", kind: "village" },
        { code: "650402106205", name: "吐格曼博依村", nameEn: "Tugemanboyi Village", kind: "village" },
      ],
    },
    {
      code: "650402107",
      name: "胜金乡",
      nameUg: "سىڭگىم يېزىسى",
      nameEn: "Singgim Township",
      kind: "township",
      childCount: 10,
      children: [
        { code: "650402107200", name: "开斯突尔村", nameEn: "Kaisitu'er Village", kind: "village" },
        { code: "650402107201", name: "加依霍加木村", nameEn: "Jiayihuojiamu Village", kind: "village" },
        {
          code: "650402107202",
          name: "胜金村",
          nameUg: "سىڭگىم كەنتى",
          nameEn: "Singgim Village",
          kind: "village",
        },
        { code: "650402107203", name: "排孜阿瓦提村", nameEn: "Paizi'awati Village", kind: "village" },
        { code: "650402107204", name: "色格孜库勒村", nameEn: "Segezikule Village", kind: "village" },
        { code: "650402107205", name: "阿克塔木村", nameEn: "Aketamu Village", kind: "village" },
        { code: "650402107206", name: "恰勒坎村", nameEn: "Qialekan Village", kind: "village" },
        { code: "650402107207", name: "木日吐克村", nameEn: "Murituke Village", kind: "village" },
        { code: "650402107208", name: "艾西夏村", nameEn: "Aixixia Village", kind: "village" },
        { code: "650402107209", name: "乌鲁库勒村", nameEn: "Wulukule Village", kind: "village" },
      ],
    },
    {
      code: "650402108",
      name: "艾丁湖乡",
      nameUg: "ئايدىڭكۆل يېزىسى",
      nameEn: "Aydingköl Township",
      kind: "township",
      childCount: 6,
      children: [
        {
          code: "650402108200",
          name: "艾丁湖村",
          nameUg: "ئايدىڭكۆل كەنتى",
          nameEn: "Aydingköl Village",
          kind: "village",
        },
        { code: "650402108201", name: "也木什村", nameEn: "Yemushi Village", kind: "village" },
        { code: "650402108202", name: "琼帕依村", nameEn: "Qiongpayi Village", kind: "village" },
        { code: "650402108203", name: "西然木村", nameEn: "Xiranmu Village", kind: "village" },
        { code: "650402108204", name: "拜什塔木村", nameEn: "Baishitamu Village", kind: "village" },
        { code: "650402108205", name: "阔坦布拉克村", nameEn: "Kuotanbulake Village", kind: "village" },
      ],
    },
    {
      code: "650402400",
      name: "原种场",
      nameUg: "ئۇرۇقچىلىق مەيدانى",
      nameEn: "Yuanzhong Farm",
      kind: "farm",
      childCount: 1,
      children: [
        { code: "650402400001", name: "原种场社区", nameEn: "Yuanzhong Farm Community", kind: "community" },
      ],
    },
    {
      code: "650402401",
      name: "红柳河园艺场",
      nameUg: "يۇلغۇنلۇق باغۋەنچىلىك مەيدانى",
      nameEn: "Hongliuhe Horticultural Farm",
      kind: "farm",
      childCount: 2,
      children: [
        { code: "650402401001", name: "红柳河社区", nameEn: "Hongliuhe Community", kind: "community" },
        { code: "650402401200", name: "果园村", nameEn: "Guoyuan Village", kind: "village" },
      ],
    },
  ],
};
