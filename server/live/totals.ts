// Running totals pushed to the dashboards that have an area open (`totals:<area>` rooms, live/areas.ts), and
// to the public pages that have one open (`public-totals:<area>`, summarized with audience "public"):
// `totals {seq, areas}` with the area's AreaTotals and its children's, at most once per `intervalMs` per area,
// and only after an event in the area changed them. Fed from the ordered event stream (live/order.ts), which
// on every instance carries every instance's commits (and reads from the event log what no message brought),
// so a change written on another instance counts without polling the database for it.
import type { Server } from "socket.io";
import type { AreaTotals, RegionSummary } from "~/lib/region-summary";
import { ELECTION_ROOT } from "~/lib/region-summary";
import type { CommittedEvent } from "~/utils/writer.server";

export interface TotalsPush {
  seq: number;
  areas: AreaTotals[];
}

/** Event kinds that move a region's totals: results (progress, votes, status) and incidents (open count). */
const MOVES_TOTALS = new Set(["result:updated", "incident:created", "incident:updated"]);

export function createTotalsFeed({
  io,
  summarize,
  intervalMs = 1000,
  room = "totals",
}: {
  io: Server;
  /** The rooms' prefix: `totals` (staff totals) or `public-totals` (a visitor's, aggregates only). */
  room?: "totals" | "public-totals";
  /** The region's summary as the whole election's command post reads it (every room joined is inside the
   *  joiner's view, and a region's totals are the same for every view that holds it). */
  summarize: (code: string) => Promise<RegionSummary | undefined>;
  intervalMs?: number;
}) {
  const dirty = new Set<string>();
  let busy = false;
  const watched = (code: string) => io.of("/").adapter.rooms.has(`${room}:${code}`);

  function mark(code: string) {
    if (watched(code)) dirty.add(code);
  }

  /** Marks the areas whose summary an event changes: its region and every area above it. */
  function changed(committed: CommittedEvent[]) {
    for (const { region, event } of committed) {
      if (!region || !MOVES_TOTALS.has(event.type)) continue;
      mark(ELECTION_ROOT);
      const parts = region.split(".");
      for (let i = 1; i <= parts.length; i++) mark(parts.slice(0, i).join("."));
    }
  }

  async function push() {
    if (busy || !dirty.size) return;
    busy = true;
    const codes = [...dirty];
    dirty.clear();
    try {
      for (const code of codes) {
        if (!watched(code)) continue;
        try {
          const summary = await summarize(code);
          if (!summary) continue;
          const message: TotalsPush = { seq: summary.seq, areas: [summary.area, ...summary.children] };
          io.local.to(`${room}:${code}`).emit("totals", message);
        } catch {
          dirty.add(code); // database busy: the next tick tries again
        }
      }
    } finally {
      busy = false;
    }
  }
  const timer = setInterval(() => void push(), intervalMs);
  timer.unref();

  return {
    changed,
    /** A connection opened these areas: it gets their totals at the next tick (they may have moved since the
     *  page read them). */
    opened(codes: string[]) {
      for (const code of codes) dirty.add(code);
    },
    close() {
      clearInterval(timer);
    },
  };
}
