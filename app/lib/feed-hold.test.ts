import { describe, expect, it } from "vitest";
import type { IncidentData } from "./events";
import { countWaiting, refreshHeld, type FeedSections } from "./feed-hold";

const incident = (id: string, status = "new") => ({ id, status }) as unknown as IncidentData;
const line = (lead: IncidentData, ...similar: IncidentData[]) => ({ lead, similar });

describe("the feed held under the operator's hand", () => {
  it("keeps its lines in place, updates each card, and counts what waits", () => {
    const held: FeedSections = { main: [line(incident("a")), line(incident("b"))], queued: [] };
    // Meanwhile "c" arrived above them and "b" was acknowledged (which would re-sort it).
    const now = { a: incident("a"), b: incident("b", "acknowledged"), c: incident("c") };
    const live: FeedSections = { main: [line(now.c), line(now.b), line(now.a)], queued: [] };
    const shown = refreshHeld(held, now, live);
    expect(shown.main.map((l) => l.lead.id)).toEqual(["a", "b"]);
    expect(shown.main[1].lead.status).toBe("acknowledged");
    expect(countWaiting(live, held)).toBe(1);
  });

  it("lets a closed incident leave, and keeps the rest where they were", () => {
    const held: FeedSections = { main: [line(incident("a")), line(incident("b")), line(incident("c"))], queued: [] };
    const now = { a: incident("a"), b: incident("b", "resolved"), c: incident("c") };
    const live: FeedSections = { main: [line(now.c), line(now.a)], queued: [] };
    expect(refreshHeld(held, now, live).main.map((l) => l.lead.id)).toEqual(["a", "c"]);
  });

  it("counts a new report grouped under a similar one and one in the flood queue", () => {
    const held: FeedSections = { main: [line(incident("a"))], queued: [] };
    const live: FeedSections = { main: [line(incident("a"), incident("a2"))], queued: [line(incident("q"))] };
    expect(countWaiting(live, held)).toBe(2);
  });
});
