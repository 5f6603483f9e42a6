// Live events for a screen: connects Socket.IO (session cookie), asks for what it missed since `seq`
// (`resume`) on every (re)connect, and hands events to `onEvents` in order, without duplicates. A screen
// that names `areas` (the command post's drill-down) opens them instead (`areas:open` with the last seq):
// its connection then carries only their events, and their running totals to `onTotals`.
// A connection that hears nothing (no heartbeat, no event) for a few heartbeat intervals is "stale": never
// "live" while nothing arrives (app/lib/live-health.ts); a heartbeat vouching for events it lacks makes it
// catch up by sequence.
import { useEffect, useRef, useState } from "react";
import { io, type Socket } from "socket.io-client";
import { OWN_ROOM_EVENTS } from "~/lib/access";
import type { LiveEvent } from "~/lib/events";
import { DEFAULT_HEARTBEAT_MS, isSilent, missedEvents } from "~/lib/live-health";
import type { AreaTotals } from "~/lib/region-summary";

export type LiveStatus = "connecting" | "live" | "reconnecting" | "stale";

type Heartbeat = { seq: number; at: string; every: number };

/** When the screen last heard from the server (the server's clock), for a line that shows it without
 *  re-rendering the whole screen on every heartbeat (useSyncExternalStore). */
export interface HeardClock {
  get: () => string | null;
  subscribe: (listener: () => void) => () => void;
}

function createHeardClock(): HeardClock & { set: (at: string) => void } {
  let at: string | null = null;
  const listeners = new Set<() => void>();
  return {
    get: () => at,
    set(next) {
      // Never backwards: an event's commit time may be a moment older than the last heartbeat's clock.
      if (at !== null && Date.parse(next) <= Date.parse(at)) return;
      at = next;
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

type ResumeAck =
  { ok: true; data: { events: LiveEvent[]; more: boolean; head: number } } | { ok: false; error: { message: string } };
type AreasAck = { ok: true; seq: number; events: LiveEvent[]; more: boolean } | { ok: false; code: string };
export type TotalsPush = { seq: number; areas: AreaTotals[] };

/**
 * A command-post connection kept for a moment after its screen unmounts: drilling down mounts the next area's
 * screen at once, which takes this connection over and opens its own areas on it (after its loader's seq)
 * instead of opening a new one. Only screens with areas share it: their first message sets the rooms.
 */
let spare: { socket: Socket; timer: ReturnType<typeof setTimeout> } | null = null;
const SPARE_MS = 5000;

function connectionFor(areas: boolean): Socket {
  if (areas && spare) {
    clearTimeout(spare.timer);
    const { socket } = spare;
    spare = null;
    return socket;
  }
  return io({ transports: ["websocket", "polling"], withCredentials: true });
}

function release(socket: Socket, areas: boolean) {
  if (!areas) return void socket.close();
  if (spare) {
    clearTimeout(spare.timer);
    spare.socket.close();
  }
  const timer = setTimeout(() => {
    socket.close();
    if (spare?.socket === socket) spare = null;
  }, SPARE_MS);
  spare = { socket, timer };
}

export function useLive(options: Parameters<typeof useLiveConnection>[0]): LiveStatus {
  return useLiveConnection(options).status;
}

/** The connection's status and when it last heard from the server. */
export function useLiveConnection({
  seq,
  onEvents,
  areas,
  onTotals,
}: {
  seq: number;
  onEvents: (events: LiveEvent[]) => void;
  /** The areas the screen shows (region codes or "ID"); fixed for the life of the component. */
  areas?: string[];
  onTotals?: (push: TotalsPush) => void;
}): { status: LiveStatus; heard: HeardClock } {
  const [status, setStatus] = useState<LiveStatus>("connecting");
  const [heard] = useState(createHeardClock);
  const lastSeq = useRef(seq);
  const handler = useRef(onEvents);
  handler.current = onEvents;
  const totalsHandler = useRef(onTotals);
  totalsHandler.current = onTotals;
  const open = useRef(areas);

  useEffect(() => {
    const withAreas = !!open.current;
    const socket = connectionFor(withAreas);
    // A taken-over connection keeps the previous screen's answers in flight: they must not act for it.
    let disposed = false;
    let resuming = false;
    let buffered: LiveEvent[] = [];
    // What the connection heard and when (this device's clock), the server's interval, and the head the last
    // catch-up read (events up to it that never came were not for this screen).
    let current: LiveStatus = "connecting";
    const set = (next: LiveStatus) => {
      if (disposed || next === current) return;
      current = next;
      setStatus(next);
    };
    let heardAt = Date.now();
    let every = DEFAULT_HEARTBEAT_MS;
    let through = 0;
    const seenCases = new Set<number>();
    // The line shows the server's clock only (this device's may be off by minutes).
    const hear = (serverAt: string | undefined) => {
      heardAt = Date.now();
      if (serverAt && !Number.isNaN(Date.parse(serverAt))) heard.set(serverAt);
    };

    const deliver = (events: LiveEvent[]) => {
      // Case and dispute events come in rooms of their own (app/lib/access.ts), so they may overtake the
      // view's other events: they never move the last seq (which would drop an earlier event still on its
      // way), and a screen hears each once.
      const cases = events.filter((e) => OWN_ROOM_EVENTS.includes(e.type) && !seenCases.has(e.seq));
      for (const e of cases) seenCases.add(e.seq);
      const fresh = events
        .filter((e) => !OWN_ROOM_EVENTS.includes(e.type) && e.seq > lastSeq.current)
        .sort((a, b) => a.seq - b.seq);
      if (fresh.length) lastSeq.current = fresh[fresh.length - 1].seq;
      if (fresh.length || cases.length) handler.current([...fresh, ...cases]);
    };
    const receive = (events: LiveEvent[]) => {
      hear(events[events.length - 1]?.at);
      if (current === "stale" && !resuming) set("live");
      return resuming ? buffered.push(...events) : deliver(events);
    };

    const resume = () => {
      if (disposed) return;
      resuming = true;
      socket.emit("resume", { after: lastSeq.current }, (answer: ResumeAck) => {
        if (disposed) return;
        if (!answer?.ok) {
          setTimeout(resume, 2000);
          return;
        }
        deliver(answer.data.events);
        if (answer.data.more) return resume();
        through = Math.max(through, answer.data.head);
        resuming = false;
        const held = buffered;
        buffered = [];
        deliver(held);
        set("live");
      });
    };

    // Events pushed before the server moved the connection to these areas were committed before the head it
    // answers with, so only later ones are kept from what arrived while waiting; the answer brings the rest.
    const openAreas = () => {
      if (disposed) return;
      resuming = true;
      socket.emit("areas:open", { areas: open.current, after: lastSeq.current }, (answer: AreasAck) => {
        if (disposed) return;
        if (!answer?.ok) {
          // Refused (an area outside the view): never "live"; busy: ask again.
          if (answer?.code === "unavailable" || !answer) setTimeout(openAreas, 2000);
          return;
        }
        deliver(answer.events);
        lastSeq.current = Math.max(lastSeq.current, answer.seq);
        if (answer.more) return openAreas();
        through = Math.max(through, answer.seq);
        resuming = false;
        const held = buffered;
        buffered = [];
        deliver(held);
        set("live");
      });
    };

    const catchUp = () => (open.current ? openAreas() : resume());
    const listeners = {
      connect: () => {
        hear(undefined);
        catchUp();
      },
      totals: (push: TotalsPush) => {
        hear(undefined);
        totalsHandler.current?.(push);
      },
      heartbeat: (beat: Heartbeat) => {
        if (typeof beat?.every === "number" && beat.every > 0) every = beat.every;
        hear(typeof beat?.at === "string" ? beat.at : undefined);
        if (resuming) return;
        if (missedEvents({ beatSeq: Number(beat?.seq) || 0, lastSeq: lastSeq.current, through })) catchUp();
        else if (current === "stale") set("live");
      },
      disconnect: () => set("reconnecting"),
      connect_error: () => set("reconnecting"),
      event: (e: LiveEvent) => receive([e]),
      events: (list: LiveEvent[]) => receive(list),
    };
    for (const [name, listener] of Object.entries(listeners)) socket.on(name, listener);
    // A taken-over connection is already open: it moves to this screen's areas now.
    if (socket.connected) listeners.connect();
    // Silence: the path may be cut without the socket knowing (nothing closes it for up to 45 s).
    const watch = setInterval(() => {
      if (current === "live" && isSilent({ lastHeardAt: heardAt, now: Date.now(), everyMs: every })) set("stale");
    }, 500);
    // When the device says the network is gone, say so at once (a dead socket takes up to a minute to time
    // out) and start afresh when it is back: the reconnect resumes from the last seq, so nothing is missed.
    const offline = () => {
      set("reconnecting");
      socket.disconnect();
    };
    const online = () => {
      if (!socket.connected) socket.connect();
    };
    window.addEventListener("offline", offline);
    window.addEventListener("online", online);
    return () => {
      window.removeEventListener("offline", offline);
      window.removeEventListener("online", online);
      disposed = true;
      clearInterval(watch);
      for (const [name, listener] of Object.entries(listeners)) socket.off(name, listener);
      release(socket, withAreas);
    };
    // `heard` is the component's own for its whole life: the effect still runs once.
  }, [heard]);

  return { status, heard };
}
