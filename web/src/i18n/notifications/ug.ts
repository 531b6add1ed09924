import type { Translation } from "../types";

// These Uyghur texts await review by a native speaker: they were written from the Chinese messages and the
// app's existing Uyghur wording (i18n/domain/ug.ts), not checked against official Uyghur usage.
/** Notification messages in Uyghur: the keys and placeholders of the server's Chinese texts. */
export const ugNotifications: Translation["notifications"] = {
  parts: {
    case: "{{trackingNo}} «{{title}}»",
    listSeparator: "، ",
    dueBy: "؛ {{time}} دىن بۇرۇن بىر تەرەپ قىلىڭ",
    dueOn: "؛ مۆھلىتى {{time}}",
    anyDeadline: "مۆھلەت",
    because: "سەۋەبى: {{reason}}",
    noYear: "يوق",
  },
  messages: {
    case_reported: {
      title: "يېڭى مەلۇمات قوبۇل قىلىنىشنى كۈتۈۋاتىدۇ: {{case}}",
      body: "{{source}}، {{category}}، {{grid}}{{dueBy}}",
    },
    case_reported_supervised: {
      title: "[{{level}}] {{priority}} دېلو مەلۇم قىلىندى: {{case}}",
      body: "{{category}}، {{grid}}{{dueBy}}",
    },
    case_action_required: {
      title: "بېجىرىدىغان ئىش: {{case}} — {{stage}}",
      body: "قىلالايدىغان مەشغۇلات: {{actions}}{{dueOn}}",
    },
    // the arrow points from the earlier stage to the next one in right-to-left text
    case_stage_supervised: {
      title: "[{{level}}] {{case}}",
      body: "{{action}}: {{fromStage}} ← {{toStage}}{{dueOn}}",
    },
    case_registered: {
      title: "[دېلو تۇرغۇزۇلغانلىقى مەلۇم قىلىندى] {{case}}",
      body: "{{action}}: {{fromStage}} ← {{toStage}}{{dueOn}}",
    },
    filed_case_replied: { title: "سىز مەلۇم قىلغان دېلو {{case}}: جاۋاب بېرىلدى", body: "{{because}}" },
    filed_case_ended: { title: "سىز مەلۇم قىلغان دېلو {{case}}: {{stage}}", body: "{{because}}" },
    case_rerouted: { title: "تورىڭىزغا قايتا تەقسىملەندى: {{case}}", body: "{{because}}" },
    case_overdue: {
      title: "ۋاقتى ئۆتتى: {{case}}",
      body: "{{stage}}؛ {{phase}} {{dueAt}} دە توشتى، دەرھال بىر تەرەپ قىلىڭ (قىلالايدىغان مەشغۇلات: {{actions}})",
    },
    case_escalated: {
      title: "[ۋاقتى ئۆتكەچكە دەرىجىسى ئۆستۈرۈلدى] {{case}}",
      body: "{{stage}}؛ {{phase}} {{dueAt}} دە توشتى، نازارەت قىلىڭ",
    },
    case_escalated_again: {
      title: "[ئىككىنچى قېتىم دەرىجىسى ئۆستۈرۈلدى] {{case}}",
      body: "{{stage}}؛ {{phase}} {{dueAt}} دە توشتى، {{workingDays}} خىزمەت كۈنىدىن ئاشتى، نازارەت قىلىڭ",
    },
    daily_digest: {
      title: "[قەرەللىك نازارەت] {{day}} ئادەتتىكى ئىشلار يىغىنچىقى",
      body: "بىر تەرەپ قىلىنىۋاتقان ئادەتتىكى ئىش {{open}}، بۇنىڭ ئىچىدە ۋاقتى ئۆتكىنى {{overdue}}، 3 كۈن ئىچىدە توشىدىغىنى {{soon}}.",
    },
    calendar_exhausted: {
      title: "{{year}}-يىللىق دەم ئېلىش ئورۇنلاشتۇرۇشىنى كىرگۈزۈڭ",
      body: "بىر دېلونىڭ مۆھلىتى ({{dueAt}}) كىرگۈزۈلگەن خىزمەت كالېندارىدىن ئېشىپ كەتتى (ئەڭ ئاخىرقى يىل: {{lastLoadedYear}})؛ ھازىرچە دۈشەنبىدىن جۈمەگىچە ئىش كۈنى دەپ ھېسابلىنىدۇ.",
    },
    case_todo: { title: "بېجىرىدىغان ئىش: {{case}}", body: "قىلالايدىغان مەشغۇلات: {{actions}}" },
  },
};
