import type { Locale } from "antd/es/locale";
import zhCNModule from "antd/locale/zh_CN";

/**
 * antd's built-in texts in Uyghur (antd ships no Uyghur locale): what the screens show of them — pagination,
 * empty tables, date-range placeholders, table sorting and filtering, confirmations, uploads. The rest (the
 * date picker's calendar, rarely met validation templates) stays antd's Chinese, as dates follow dayjs's
 * Chinese locale (AppLayout). Awaiting a native speaker's review.
 */
// antd/locale/zh_CN is CommonJS: in the build its default import is the module ({ default: locale }), which
// ConfigProvider unwraps; a spread of it would carry that `default` along, and antd would show it instead.
const zhCN: Locale = (zhCNModule as Locale & { default?: Locale }).default ?? zhCNModule;

const ok = "جەزملەش";
const cancel = "بىكار قىلىش";
const noData = "سانلىق مەلۇمات يوق";

export const antdUg: Locale = {
  ...zhCN,
  locale: "ug",
  global: { ...zhCN.global, placeholder: "تاللاڭ", close: "تاقاش" },
  Pagination: {
    ...zhCN.Pagination,
    items_per_page: "/ بەت",
    jump_to: "ئاتلاش",
    jump_to_confirm: ok,
    page: "بەت",
    prev_page: "ئالدىنقى بەت",
    next_page: "كېيىنكى بەت",
    prev_5: "ئالدىغا 5 بەت",
    next_5: "كەينىگە 5 بەت",
    prev_3: "ئالدىغا 3 بەت",
    next_3: "كەينىگە 3 بەت",
    page_size: "بەت چوڭلۇقى",
  },
  DatePicker: zhCN.DatePicker && {
    ...zhCN.DatePicker,
    lang: {
      ...zhCN.DatePicker.lang,
      placeholder: "چېسلا تاللاڭ",
      yearPlaceholder: "يىل تاللاڭ",
      quarterPlaceholder: "پەسىل تاللاڭ",
      monthPlaceholder: "ئاي تاللاڭ",
      weekPlaceholder: "ھەپتە تاللاڭ",
      rangePlaceholder: ["باشلىنىش چېسلاسى", "ئاخىرلىشىش چېسلاسى"],
      rangeYearPlaceholder: ["باشلىنىش يىلى", "ئاخىرلىشىش يىلى"],
      rangeMonthPlaceholder: ["باشلىنىش ئېيى", "ئاخىرلىشىش ئېيى"],
      rangeQuarterPlaceholder: ["باشلىنىش پەسلى", "ئاخىرلىشىش پەسلى"],
      rangeWeekPlaceholder: ["باشلىنىش ھەپتىسى", "ئاخىرلىشىش ھەپتىسى"],
      today: "بۈگۈن",
      now: "ھازىر",
      ok,
      clear: "تازىلاش",
    },
  },
  Table: {
    ...zhCN.Table,
    filterTitle: "سۈزۈش",
    filterConfirm: ok,
    filterReset: "ئەسلىگە قايتۇرۇش",
    filterEmptyText: "سۈزۈش تۈرى يوق",
    filterCheckAll: "ھەممىنى تاللاش",
    filterSearchPlaceholder: "سۈزۈش تۈرلىرىدىن ئىزدەش",
    emptyText: noData,
    selectAll: "بۇ بەتنى تاللاش",
    selectInvert: "بۇ بەتنى تەتۈر تاللاش",
    selectNone: "ھەممىنى تازىلاش",
    selectionAll: "ھەممىنى تاللاش",
    sortTitle: "تەرتىپلەش",
    expand: "قۇرنى يېيىش",
    collapse: "قۇرنى يىغىش",
    triggerDesc: "كېمەيگۈچى تەرتىپلەش ئۈچۈن چېكىڭ",
    triggerAsc: "ئۆسكۈچى تەرتىپلەش ئۈچۈن چېكىڭ",
    cancelSort: "تەرتىپلەشنى بىكار قىلىش",
  },
  Modal: { okText: ok, cancelText: cancel, justOkText: "بىلدىم" },
  Popconfirm: { okText: ok, cancelText: cancel },
  Upload: {
    ...zhCN.Upload,
    uploading: "يۈكلىنىۋاتىدۇ",
    removeFile: "ھۆججەتنى ئۆچۈرۈش",
    uploadError: "يۈكلەش مەغلۇپ بولدى",
    previewFile: "ھۆججەتنى ئالدىن كۆرۈش",
    downloadFile: "ھۆججەتنى چۈشۈرۈش",
  },
  Empty: { description: noData },
  Text: {
    ...zhCN.Text,
    edit: "تەھرىرلەش",
    copy: "كۆچۈرۈش",
    copied: "كۆچۈرۈلدى",
    expand: "يېيىش",
    collapse: "يىغىش",
  },
  Form: {
    ...zhCN.Form,
    optional: "(ئىختىيارىي)",
    defaultValidateMessages: {
      ...zhCN.Form?.defaultValidateMessages,
      // antd's own template syntax, filled in by antd (not a JavaScript template string)
      // biome-ignore-start lint/suspicious/noTemplateCurlyInString: antd's placeholder
      required: "${label} نى كىرگۈزۈڭ",
      whitespace: "${label} بوش بولسا بولمايدۇ",
      // biome-ignore-end lint/suspicious/noTemplateCurlyInString: antd's placeholder
    },
  },
};
