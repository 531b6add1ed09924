import { describe, expect, it } from "vitest";
import { eventText } from "./eventText";

const uyghur = new Map([
  [3, "رايونلۇق سۇ ئىشلىرى ئىدارىسى"],
  [5, "رايونلۇق ساقچى شۆبە ئىدارىسى"],
]);
const inUyghur = (id: number, fallback: string) => uyghur.get(id) ?? fallback;

describe("the timeline's line under an event", () => {
  it("names a transfer's department in the reader's language, by the id the event kept", () => {
    expect(eventText({ departmentId: 3, departmentName: "区水利局", handlingDays: 10 }, inUyghur)).toBe(
      "رايونلۇق سۇ ئىشلىرى ئىدارىسى；10",
    );
    // the demo's seeded events keep ids as strings
    expect(eventText({ departmentId: "3", departmentName: "区水利局" }, inUyghur)).toBe(
      "رايونلۇق سۇ ئىشلىرى ئىدارىسى",
    );
  });

  it("names a joint investigation's lead and each participant, keeping the Chinese name of an unknown one", () => {
    const joint = {
      leadDepartmentId: 5,
      participantDepartmentIds: [3, 9],
      leadDepartmentName: "区公安分局",
      participantDepartmentNames: ["区水利局", "区某局"],
    };
    expect(eventText(joint, inUyghur)).toBe(
      "رايونلۇق ساقچى شۆبە ئىدارىسى；رايونلۇق سۇ ئىشلىرى ئىدارىسى、区某局",
    );
  });

  it("shows a department name written without its id, and other fields, as written", () => {
    expect(eventText({ reason: "经研判不属本部门职责", departmentName: "区水利局" }, inUyghur)).toBe(
      "经研判不属本部门职责；区水利局",
    );
  });
});
