import type { Translation } from "../types";

/** Routing explanations in English: the keys and placeholders of the server's Chinese texts. */
export const enRoutingExplanation: Translation["routingExplanation"] = {
  parts: {
    listSeparator: ", ",
    pathSeparator: " / ",
    dutyLine: "item {{item}} of the duty list, “{{category}}”",
  },
  duty: {
    lead: "under {{dutyLine}}, {{lead}} leads",
    leadAssisted: "under {{dutyLine}}, {{lead}} leads, assisted by {{assisting}}",
    townshipLeads: "under {{dutyLine}}, the local unit {{receiver}} is responsible",
    townshipLeadsAssisted:
      "under {{dutyLine}}, the local unit {{receiver}} is responsible, assisted by {{assisting}}",
    unlisted:
      "the duty list gives the matter category “{{category}}” to no department, so the district office decides who handles it",
  },
  assigned: {
    lead: "{{lead}} leads",
    leadAssisted: "{{lead}} leads, assisted by {{assisting}}",
  },
  messages: {
    routed:
      "The location ({{longitude}}° E, {{latitude}}° N) lies in the grid {{gridPath}} (level {{level}}), so {{receiver}} receives it; {{duty}}.",
    overridden:
      "{{by}} changed the routing by hand (reason: {{reason}}): {{receiver}} receives it, as the grid {{gridPath}} (level {{level}}) belongs to it; {{who}}. Originally: {{original}}",
  },
};
