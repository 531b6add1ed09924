import type { Translation } from "../types";

/** Notification messages in English: the keys and placeholders of the server's Chinese texts. */
export const enNotifications: Translation["notifications"] = {
  parts: {
    case: "{{trackingNo}} “{{title}}”",
    listSeparator: ", ",
    dueBy: "; to be dealt with by {{time}}",
    dueOn: "; deadline {{time}}",
    anyDeadline: "the deadline",
    because: "Reason: {{reason}}",
    noYear: "none",
  },
  messages: {
    case_reported: {
      title: "New report to accept: {{case}}",
      body: "{{source}}, {{category}}, {{grid}}{{dueBy}}",
    },
    case_reported_supervised: {
      title: "[{{level}}] {{priority}} case reported: {{case}}",
      body: "{{category}}, {{grid}}{{dueBy}}",
    },
    case_action_required: { title: "To do: {{case}} — {{stage}}", body: "You can: {{actions}}{{dueOn}}" },
    case_stage_supervised: {
      title: "[{{level}}] {{case}}",
      body: "{{action}}: {{fromStage}} → {{toStage}}{{dueOn}}",
    },
    case_registered: {
      title: "[Registration reported] {{case}}",
      body: "{{action}}: {{fromStage}} → {{toStage}}{{dueOn}}",
    },
    filed_case_replied: { title: "Your report {{case}}: answered", body: "{{because}}" },
    filed_case_ended: { title: "Your report {{case}}: {{stage}}", body: "{{because}}" },
    case_rerouted: { title: "Re-routed to your grid: {{case}}", body: "{{because}}" },
    case_overdue: {
      title: "Overdue: {{case}}",
      body: "{{stage}}; {{phase}} passed at {{dueAt}}. Please act now (you can: {{actions}})",
    },
    case_escalated: {
      title: "[Overdue, escalated] {{case}}",
      body: "{{stage}}; {{phase}} passed at {{dueAt}}. Please follow it up",
    },
    case_escalated_again: {
      title: "[Escalated again] {{case}}",
      body: "{{stage}}; {{phase}} passed at {{dueAt}}, more than {{workingDays}} working days ago. Please follow it up",
    },
    daily_digest: {
      title: "[Periodic supervision] Normal matters on {{day}}",
      body: "{{open}} normal matters open: {{overdue}} overdue, {{soon}} due within 3 days.",
    },
    calendar_exhausted: {
      title: "Please enter the {{year}} holiday schedule",
      body: "A case deadline ({{dueAt}}) lies beyond the loaded work calendar (last year loaded: {{lastLoadedYear}}); Monday to Friday count as working days for now.",
    },
    case_todo: { title: "To do: {{case}}", body: "You can: {{actions}}" },
  },
};
