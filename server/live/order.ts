// Order across instances: each instance hands its sockets every committed event strictly in seq order,
// its own commits and the other instances' (cluster.ts). Events wait here until the ones before them have
// arrived; a gap that no message fills (an instance killed between commit and message, no adapter, a lost
// notification) is read from the event log after a short wait.
import type { Sql } from "postgres";
import { committedBetween, headSeq } from "~/models/events.server";
import type { CommittedEvent } from "~/utils/writer.server";

export function createOrdering({
  sql,
  catchUpMs,
  deliver,
}: {
  sql: Sql;
  /** How often the event log's head is checked for events no message brought. */
  catchUpMs: number;
  /** Receives events gap-free and in seq order. */
  deliver: (events: CommittedEvent[]) => void;
}) {
  const waiting = new Map<number, CommittedEvent>();
  let next = 0; // the next seq to deliver; 0 until the head is known
  let behindSince = 0;
  let closed = false;

  function accept(items: CommittedEvent[]) {
    for (const item of items) if (next === 0 || item.event.seq >= next) waiting.set(item.event.seq, item);
    if (next === 0) return;
    const ready: CommittedEvent[] = [];
    for (let item = waiting.get(next); item; item = waiting.get(next)) {
      waiting.delete(next);
      ready.push(item);
      next++;
    }
    if (ready.length) deliver(ready);
  }

  async function catchUp() {
    if (closed) return;
    try {
      const head = await headSeq(sql);
      if (next === 0) {
        next = head + 1;
        for (const seq of [...waiting.keys()]) if (seq < next) waiting.delete(seq);
        return accept([]);
      }
      if (head < next) {
        behindSince = 0;
        return;
      }
      // Behind: give messages in flight a moment, then read the missing events.
      if (!behindSince) {
        behindSince = Date.now();
        return;
      }
      if (Date.now() - behindSince < Math.min(300, catchUpMs)) return;
      const missed = await committedBetween(sql, { from: next, to: head });
      behindSince = 0;
      accept(missed);
    } catch {
      // Database busy or restarting: try again on the next tick.
    }
  }
  void catchUp();
  const timer = setInterval(() => void catchUp(), catchUpMs);
  timer.unref();

  return {
    accept,
    close() {
      closed = true;
      clearInterval(timer);
    },
  };
}
