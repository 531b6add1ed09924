/**
 * The leading group's member departments (plan §四(一)) and the supervisory bodies (§三(四)).
 * `nameUg` (Uyghur, Arabic script, official style: 区 = رايونلۇق, 局 = ئىدارىسى) and `nameEn` are drafts that
 * await a native speaker's review; migration 0019 gives the same names to a database seeded before it.
 */
export const DEPARTMENTS: {
  code: string;
  name: string;
  nameUg: string;
  nameEn: string;
  kind: "department" | "supervisory";
}[] = [
  {
    code: "eco",
    name: "市生态环境局高昌区分局",
    nameUg: "تۇرپان شەھەرلىك ئېكولوگىيە-مۇھىت ئىدارىسى قاراھوجا رايونلۇق شۆبە ئىدارىسى",
    nameEn: "Gaochang Branch, Turpan Municipal Ecology and Environment Bureau",
    kind: "department",
  },
  {
    code: "ndrc",
    name: "区发展和改革委员会",
    nameUg: "رايونلۇق تەرەققىيات ۋە ئىسلاھات كومىتېتى",
    nameEn: "District Development and Reform Commission",
    kind: "department",
  },
  {
    code: "commerce",
    name: "区商务和工业信息化局",
    nameUg: "رايونلۇق سودا، سانائەت ۋە ئۇچۇرلاشتۇرۇش ئىدارىسى",
    nameEn: "District Bureau of Commerce, Industry and Information Technology",
    kind: "department",
  },
  {
    code: "housing",
    name: "区住房和城乡建设局",
    nameUg: "رايونلۇق تۇرالغۇ ۋە شەھەر-يېزا قۇرۇلۇش ئىدارىسى",
    nameEn: "District Bureau of Housing and Urban-Rural Development",
    kind: "department",
  },
  {
    code: "natres",
    name: "区自然资源局",
    nameUg: "رايونلۇق تەبىئىي بايلىق ئىدارىسى",
    nameEn: "District Natural Resources Bureau",
    kind: "department",
  },
  {
    code: "forestry",
    name: "区林业和草原局",
    nameUg: "رايونلۇق ئورمانچىلىق ۋە يايلاق ئىدارىسى",
    nameEn: "District Forestry and Grassland Bureau",
    kind: "department",
  },
  {
    code: "agri",
    name: "区农业农村局",
    nameUg: "رايونلۇق يېزا ئىگىلىك ۋە يېزا ئىشلىرى ئىدارىسى",
    nameEn: "District Bureau of Agriculture and Rural Affairs",
    kind: "department",
  },
  {
    code: "water",
    name: "区水利局",
    nameUg: "رايونلۇق سۇ ئىشلىرى ئىدارىسى",
    nameEn: "District Water Resources Bureau",
    kind: "department",
  },
  {
    code: "police",
    name: "区公安分局",
    nameUg: "رايونلۇق ساقچى شۆبە ئىدارىسى",
    nameEn: "District Public Security Sub-bureau",
    kind: "department",
  },
  {
    code: "transport",
    name: "区交通运输局",
    nameUg: "رايونلۇق قاتناش-تىرانسپورت ئىدارىسى",
    nameEn: "District Transport Bureau",
    kind: "department",
  },
  {
    code: "health",
    name: "区卫生健康委员会",
    nameUg: "رايونلۇق سەھىيە-ساغلاملىق كومىتېتى",
    nameEn: "District Health Commission",
    kind: "department",
  },
  {
    code: "finance",
    name: "区财政局",
    nameUg: "رايونلۇق مالىيە ئىدارىسى",
    nameEn: "District Finance Bureau",
    kind: "department",
  },
  {
    code: "culture",
    name: "区文化体育广播电视和旅游局",
    nameUg: "رايونلۇق مەدەنىيەت، تەنتەربىيە، رادىيو-تېلېۋىزىيە ۋە ساياھەت ئىدارىسى",
    nameEn: "District Bureau of Culture, Sports, Radio, Television and Tourism",
    kind: "department",
  },
  {
    code: "education",
    name: "区教育局",
    nameUg: "رايونلۇق مائارىپ ئىدارىسى",
    nameEn: "District Education Bureau",
    kind: "department",
  },
  {
    code: "emergency",
    name: "区应急管理局",
    nameUg: "رايونلۇق جىددىي ئەھۋال باشقۇرۇش ئىدارىسى",
    nameEn: "District Emergency Management Bureau",
    kind: "department",
  },
  {
    code: "market",
    name: "区市场监督管理局",
    nameUg: "رايونلۇق بازار نازارەت قىلىش-باشقۇرۇش ئىدارىسى",
    nameEn: "District Administration for Market Regulation",
    kind: "department",
  },
  {
    code: "urban",
    name: "区城市管理局",
    nameUg: "رايونلۇق شەھەر باشقۇرۇش ئىدارىسى",
    nameEn: "District Urban Management Bureau",
    kind: "department",
  },
  {
    code: "sanitation",
    name: "区环境卫生管理所",
    nameUg: "رايونلۇق مۇھىت تازىلىقىنى باشقۇرۇش ئورنى",
    nameEn: "District Environmental Sanitation Management Station",
    kind: "department",
  },
  {
    code: "weather",
    name: "区气象局",
    nameUg: "رايونلۇق ھاۋارايى ئىدارىسى",
    nameEn: "District Meteorological Bureau",
    kind: "department",
  },
  {
    code: "npc",
    name: "区人大常委会",
    nameUg: "رايونلۇق خەلق قۇرۇلتىيى دائىمىي كومىتېتى",
    nameEn: "Standing Committee of the District People's Congress",
    kind: "supervisory",
  },
  {
    code: "cppcc",
    name: "区政协",
    nameUg: "رايونلۇق سىياسىي كېڭەش",
    nameEn: "District Committee of the CPPCC",
    kind: "supervisory",
  },
  {
    code: "inspection",
    name: "区政府督查室",
    nameUg: "رايونلۇق ھۆكۈمەت نازارەت-تەكشۈرۈش ئىشخانىسى",
    nameEn: "District Government Inspection Office",
    kind: "supervisory",
  },
  {
    code: "discipline",
    name: "区纪委监委",
    nameUg: "رايونلۇق ئىنتىزام تەكشۈرۈش كومىتېتى ۋە نازارەت كومىتېتى",
    nameEn: "District Commission for Discipline Inspection and Supervisory Commission",
    kind: "supervisory",
  },
];
