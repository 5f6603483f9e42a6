// Whether a live connection can be trusted, from what it heard and when (server/live/heartbeat.ts). Pure:
// the times are parameters, so the rule is tested without clocks or networks.

/** How many heartbeat intervals of silence make a connection "disconnected": one late beat is not an outage. */
export const SILENCE_FACTOR = 2.5;

/** The heartbeat interval assumed until the server has said its own (the default of PANTAU_HEARTBEAT_MS). */
export const DEFAULT_HEARTBEAT_MS = 5000;

/** Whether nothing (no heartbeat, no event) has arrived for longer than the connection may stay quiet. */
export function isSilent({
  lastHeardAt,
  now,
  everyMs = DEFAULT_HEARTBEAT_MS,
}: {
  /** When the client last heard anything on the connection (ms since the epoch, its own clock). */
  lastHeardAt: number;
  now: number;
  everyMs?: number;
}): boolean {
  return now - lastHeardAt > everyMs * SILENCE_FACTOR;
}

/**
 * Whether a heartbeat says the client missed events: it vouches for every event sent to the connection's
 * rooms up to `beatSeq`, so a client holding less must catch up by sequence. `through` is the head the last
 * catch-up (resume or areas:open) read: events up to it that the client never got were not for it.
 */
export function missedEvents({ beatSeq, lastSeq, through }: { beatSeq: number; lastSeq: number; through: number }) {
  return beatSeq > Math.max(lastSeq, through);
}
