-- Department names in Uyghur and English: the web shows a department in the reader's language (as grids'
-- name_ug), the Chinese name stays the official one (exports, audit, documents). NULL: show the Chinese name.
ALTER TABLE departments
  ADD COLUMN name_ug text CHECK (char_length(btrim(name_ug)) BETWEEN 1 AND 128),
  ADD COLUMN name_en text CHECK (char_length(btrim(name_en)) BETWEEN 1 AND 160);

-- A database seeded before this migration gets the demo's names (server/db/seed/departments.ts, drafts
-- awaiting a native speaker's review), matched by the Chinese name; a department renamed since keeps NULL.
UPDATE departments d
   SET name_ug = v.name_ug, name_en = v.name_en
  FROM (VALUES
  ('市生态环境局高昌区分局', 'تۇرپان شەھەرلىك ئېكولوگىيە-مۇھىت ئىدارىسى قاراھوجا رايونلۇق شۆبە ئىدارىسى', 'Gaochang Branch, Turpan Municipal Ecology and Environment Bureau'),
  ('区发展和改革委员会', 'رايونلۇق تەرەققىيات ۋە ئىسلاھات كومىتېتى', 'District Development and Reform Commission'),
  ('区商务和工业信息化局', 'رايونلۇق سودا، سانائەت ۋە ئۇچۇرلاشتۇرۇش ئىدارىسى', 'District Bureau of Commerce, Industry and Information Technology'),
  ('区住房和城乡建设局', 'رايونلۇق تۇرالغۇ ۋە شەھەر-يېزا قۇرۇلۇش ئىدارىسى', 'District Bureau of Housing and Urban-Rural Development'),
  ('区自然资源局', 'رايونلۇق تەبىئىي بايلىق ئىدارىسى', 'District Natural Resources Bureau'),
  ('区林业和草原局', 'رايونلۇق ئورمانچىلىق ۋە يايلاق ئىدارىسى', 'District Forestry and Grassland Bureau'),
  ('区农业农村局', 'رايونلۇق يېزا ئىگىلىك ۋە يېزا ئىشلىرى ئىدارىسى', 'District Bureau of Agriculture and Rural Affairs'),
  ('区水利局', 'رايونلۇق سۇ ئىشلىرى ئىدارىسى', 'District Water Resources Bureau'),
  ('区公安分局', 'رايونلۇق ساقچى شۆبە ئىدارىسى', 'District Public Security Sub-bureau'),
  ('区交通运输局', 'رايونلۇق قاتناش-تىرانسپورت ئىدارىسى', 'District Transport Bureau'),
  ('区卫生健康委员会', 'رايونلۇق سەھىيە-ساغلاملىق كومىتېتى', 'District Health Commission'),
  ('区财政局', 'رايونلۇق مالىيە ئىدارىسى', 'District Finance Bureau'),
  ('区文化体育广播电视和旅游局', 'رايونلۇق مەدەنىيەت، تەنتەربىيە، رادىيو-تېلېۋىزىيە ۋە ساياھەت ئىدارىسى', 'District Bureau of Culture, Sports, Radio, Television and Tourism'),
  ('区教育局', 'رايونلۇق مائارىپ ئىدارىسى', 'District Education Bureau'),
  ('区应急管理局', 'رايونلۇق جىددىي ئەھۋال باشقۇرۇش ئىدارىسى', 'District Emergency Management Bureau'),
  ('区市场监督管理局', 'رايونلۇق بازار نازارەت قىلىش-باشقۇرۇش ئىدارىسى', 'District Administration for Market Regulation'),
  ('区城市管理局', 'رايونلۇق شەھەر باشقۇرۇش ئىدارىسى', 'District Urban Management Bureau'),
  ('区环境卫生管理所', 'رايونلۇق مۇھىت تازىلىقىنى باشقۇرۇش ئورنى', 'District Environmental Sanitation Management Station'),
  ('区气象局', 'رايونلۇق ھاۋارايى ئىدارىسى', 'District Meteorological Bureau'),
  ('区人大常委会', 'رايونلۇق خەلق قۇرۇلتىيى دائىمىي كومىتېتى', 'Standing Committee of the District People''s Congress'),
  ('区政协', 'رايونلۇق سىياسىي كېڭەش', 'District Committee of the CPPCC'),
  ('区政府督查室', 'رايونلۇق ھۆكۈمەت نازارەت-تەكشۈرۈش ئىشخانىسى', 'District Government Inspection Office'),
  ('区纪委监委', 'رايونلۇق ئىنتىزام تەكشۈرۈش كومىتېتى ۋە نازارەت كومىتېتى', 'District Commission for Discipline Inspection and Supervisory Commission')
  ) AS v(name, name_ug, name_en)
 WHERE d.name = v.name;
