// Live events for a screen: connects Socket.IO (session cookie), asks for what it missed since `seq`
// (`resume`) on every (re)connect, and hands events to `onEvents` in order, without duplicates. A screen
// that names `areas` (the command post's drill-down) opens them instead (`areas:open` with the last seq):
// its connection then carries only their events, and their running totals to `onTotals`.
import { useEffect, useRef, useState } from "react";
import { io, type Socket } from "socket.io-client";
import type { LiveEvent } from "~/lib/events";
import type { AreaTotals } from "~/lib/region-summary";

export type LiveStatus = "connecting" | "live" | "reconnecting";

type ResumeAck = { ok: true; data: { events: LiveEvent[]; more: boolean } } | { ok: false; error: { message: string } };
type AreasAck = { ok: true; seq: number; events: LiveEvent[]; more: boolean } | { ok: false; code: string };
export type TotalsPush = { seq: number; areas: AreaTotals[] };

export function useLive({
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
}): LiveStatus {
  const [status, setStatus] = useState<LiveStatus>("connecting");
  const lastSeq = useRef(seq);
  const handler = useRef(onEvents);
  handler.current = onEvents;
  const totalsHandler = useRef(onTotals);
  totalsHandler.current = onTotals;
  const open = useRef(areas);

  useEffect(() => {
    const socket: Socket = io({ transports: ["websocket", "polling"], withCredentials: true });
    let resuming = false;
    let buffered: LiveEvent[] = [];

    const deliver = (events: LiveEvent[]) => {
      const fresh = events.filter((e) => e.seq > lastSeq.current).sort((a, b) => a.seq - b.seq);
      if (!fresh.length) return;
      lastSeq.current = fresh[fresh.length - 1].seq;
      handler.current(fresh);
    };
    const receive = (events: LiveEvent[]) => (resuming ? buffered.push(...events) : deliver(events));

    const resume = () => {
      resuming = true;
      socket.emit("resume", { after: lastSeq.current }, (answer: ResumeAck) => {
        if (!answer?.ok) {
          setTimeout(resume, 2000);
          return;
        }
        deliver(answer.data.events);
        if (answer.data.more) return resume();
        resuming = false;
        const held = buffered;
        buffered = [];
        deliver(held);
        setStatus("live");
      });
    };

    // Events pushed before the server moved the connection to these areas were committed before the head it
    // answers with, so only later ones are kept from what arrived while waiting; the answer brings the rest.
    const openAreas = () => {
      resuming = true;
      socket.emit("areas:open", { areas: open.current, after: lastSeq.current }, (answer: AreasAck) => {
        if (!answer?.ok) {
          // Refused (an area outside the view): never "live"; busy: ask again.
          if (answer?.code === "unavailable" || !answer) setTimeout(openAreas, 2000);
          return;
        }
        deliver(answer.events);
        lastSeq.current = Math.max(lastSeq.current, answer.seq);
        if (answer.more) return openAreas();
        resuming = false;
        const held = buffered;
        buffered = [];
        deliver(held);
        setStatus("live");
      });
    };

    socket.on("connect", () => (open.current ? openAreas() : resume()));
    socket.on("totals", (push: TotalsPush) => totalsHandler.current?.(push));
    socket.on("disconnect", () => setStatus("reconnecting"));
    socket.on("connect_error", () => setStatus("reconnecting"));
    socket.on("event", (e: LiveEvent) => receive([e]));
    socket.on("events", (list: LiveEvent[]) => receive(list));
    // When the device says the network is gone, say so at once (a dead socket takes up to a minute to time
    // out) and start afresh when it is back: the reconnect resumes from the last seq, so nothing is missed.
    const offline = () => {
      setStatus("reconnecting");
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
      socket.close();
    };
  }, []);

  return status;
}
