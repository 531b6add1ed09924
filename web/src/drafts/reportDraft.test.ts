import { beforeEach, describe, expect, it } from "vitest";
import {
  clearReportDrafts,
  DRAFT_MAX_AGE_MS,
  draftClock,
  draftKey,
  loadReportDraft,
  removeReportDraft,
  saveReportDraft,
} from "./reportDraft";

/** sessionStorage's interface over a Map (the unit project runs in Node, without a DOM). */
class MemoryStorage implements Storage {
  private items = new Map<string, string>();
  get length() {
    return this.items.size;
  }
  clear() {
    this.items.clear();
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
}

const NOW = Date.parse("2025-06-01T04:30:00Z");
const filled = {
  source: "petition",
  petitionChannel: "letter",
  category: "air",
  title: "砖厂夜间冒黑烟",
  description: "烟囱冒黑烟，气味刺鼻。",
  lng: 89.18,
  lat: 42.95,
  anonymous: false,
  partyA: "阿依古丽（投诉方）",
  partyB: "某砖厂",
  reporterName: "艾合买提",
  reporterContact: "13811112222",
};

describe("report drafts", () => {
  let storage: MemoryStorage;
  beforeEach(() => {
    storage = new MemoryStorage();
  });

  it("keeps the form's fields but never the reporter's name or contact", () => {
    saveReportDraft(storage, 7, filled, NOW);
    const stored = storage.getItem(draftKey(7)) ?? "";
    expect(stored).not.toContain("艾合买提");
    expect(stored).not.toContain("13811112222");
    expect(stored).not.toContain("reporter");
    // a dispute's complainant is its reporter: neither party is kept
    expect(stored).not.toContain("阿依古丽");
    expect(stored).not.toContain("party");
    const { reporterName: _, reporterContact: __, partyA: _a, partyB: _b, ...kept } = filled;
    expect(loadReportDraft(storage, 7, NOW + 1000)).toEqual({ savedAt: NOW, values: kept });
  });

  it("is kept per user", () => {
    saveReportDraft(storage, 7, filled, NOW);
    expect(loadReportDraft(storage, 8, NOW)).toBeNull();
    removeReportDraft(storage, 8);
    expect(loadReportDraft(storage, 7, NOW)).not.toBeNull();
  });

  it("ignores a draft 24 hours old, or one from the future", () => {
    saveReportDraft(storage, 7, filled, NOW);
    expect(loadReportDraft(storage, 7, NOW + DRAFT_MAX_AGE_MS - 1)).not.toBeNull();
    expect(loadReportDraft(storage, 7, NOW + DRAFT_MAX_AGE_MS)).toBeNull();
    expect(loadReportDraft(storage, 7, NOW - 1)).toBeNull();
  });

  it("ignores malformed stored values without throwing, and drops fields of the wrong type", () => {
    for (const bad of ["{", "null", "42", '"x"', "[]", '{"values":{}}', '{"savedAt":"soon","values":{}}']) {
      storage.setItem(draftKey(7), bad);
      expect(loadReportDraft(storage, 7, NOW)).toBeNull();
    }
    storage.setItem(
      draftKey(7),
      JSON.stringify({ savedAt: NOW, values: { title: 3, lng: "89", reporterName: "x", description: "d" } }),
    );
    expect(loadReportDraft(storage, 7, NOW)).toEqual({ savedAt: NOW, values: { description: "d" } });
  });

  it("keeps nothing for a form holding only its default source, and forgets a form emptied again", () => {
    saveReportDraft(storage, 7, { source: "patrol_finding", title: "", reporterName: "x" }, NOW);
    expect(storage.length).toBe(0);
    saveReportDraft(storage, 7, filled, NOW);
    saveReportDraft(storage, 7, { source: "patrol_finding" }, NOW);
    expect(loadReportDraft(storage, 7, NOW)).toBeNull();
  });

  it("clears every user's draft on sign-out and leaves other keys alone", () => {
    storage.setItem("envgrid.language", "ug");
    saveReportDraft(storage, 7, filled, NOW);
    saveReportDraft(storage, 8, filled, NOW);
    clearReportDrafts(storage);
    expect(storage.length).toBe(1);
    expect(storage.getItem("envgrid.language")).toBe("ug");
  });

  it("leaves whoever signs in next only their own draft", () => {
    saveReportDraft(storage, 7, filled, NOW);
    saveReportDraft(storage, 8, filled, NOW);
    clearReportDrafts(storage, 8);
    expect(loadReportDraft(storage, 7, NOW)).toBeNull();
    expect(loadReportDraft(storage, 8, NOW)?.values.title).toBe(filled.title);
  });

  it("shows the time of a save as HH:mm in Beijing time, with the day when it was not today", () => {
    expect(draftClock(NOW, NOW)).toBe("12:30");
    // saved at 23:50 Beijing time, looked at ten minutes after midnight
    const lateEvening = Date.parse("2025-05-31T15:50:00Z");
    expect(draftClock(lateEvening, lateEvening + 20 * 60_000)).toBe("05-31 23:50");
    expect(draftClock(lateEvening, lateEvening + 5 * 60_000)).toBe("23:50");
  });
});
