import type { Translation } from "../types";

// These Uyghur texts await review by a native speaker: they were written from the Chinese explanations and the
// app's existing Uyghur wording (ug.ts, i18n/domain/ug.ts), not checked against official Uyghur usage.
/** Routing explanations in Uyghur: the keys and placeholders of the server's Chinese texts. */
export const ugRoutingExplanation: Translation["routingExplanation"] = {
  parts: {
    listSeparator: "، ",
    pathSeparator: " / ",
    dutyLine: "مەسئۇلىيەت تىزىملىكىنىڭ {{item}}-تۈرى «{{category}}»",
  },
  duty: {
    lead: "{{dutyLine}} بويىچە {{lead}} باش بولۇپ بېجىرىدۇ",
    leadAssisted: "{{dutyLine}} بويىچە {{lead}} باش بولۇپ بېجىرىدۇ، {{assisting}} ماسلىشىپ بېجىرىدۇ",
    townshipLeads: "{{dutyLine}} بويىچە تەۋەلىكتىكى {{receiver}} مەسئۇل بولىدۇ",
    townshipLeadsAssisted:
      "{{dutyLine}} بويىچە تەۋەلىكتىكى {{receiver}} مەسئۇل بولىدۇ، {{assisting}} ياردەملىشىدۇ",
    unlisted:
      "«{{category}}» تۈرىدىكى ئىش مەسئۇلىيەت تىزىملىكىدە ھېچقايسى تارماقنىڭ مەسئۇلىيىتىگە كىرگۈزۈلمىگەن، رايونلۇق تور ئىشخانىسى تەتقىق قىلىپ تەقسىملەيدۇ",
  },
  assigned: {
    lead: "{{lead}} باش بولۇپ بېجىرىدۇ",
    leadAssisted: "{{lead}} باش بولۇپ بېجىرىدۇ، {{assisting}} ماسلىشىپ بېجىرىدۇ",
  },
  messages: {
    routed:
      "ئورنى (شەرقىي ئۇزۇنلۇق {{longitude}}°، شىمالىي كەڭلىك {{latitude}}°) {{gridPath}} تورى ({{level}}-دەرىجىلىك تور) ئىچىدە، شۇڭا {{receiver}} قوبۇل قىلىدۇ؛ {{duty}}.",
    overridden:
      "{{by}} تەقسىماتنى قولدا تەڭشىدى (سەۋەبى: {{reason}}): {{gridPath}} تورى ({{level}}-دەرىجىلىك تور) قاراشلىق {{receiver}} قوبۇل قىلىدۇ، {{who}}. ئەسلىدىكى تەقسىمات: {{original}}",
  },
};
