// Live events for a screen: connects Socket.IO (session cookie), asks for what it missed since `seq`
// (`resume`) on every (re)connect, and hands events to `onEvents` in order, without duplicates.
import { useEffect, useRef, useState } from "react";
import { io, type Socket } from "socket.io-client";
import type { LiveEvent } from "~/lib/events";

export type LiveStatus = "connecting" | "live" | "reconnecting";

type ResumeAck = { ok: true; data: { events: LiveEvent[]; more: boolean } } | { ok: false; error: { message: string } };

export function useLive({ seq, onEvents }: { seq: number; onEvents: (events: LiveEvent[]) => void }): LiveStatus {
  const [status, setStatus] = useState<LiveStatus>("connecting");
  const lastSeq = useRef(seq);
  const handler = useRef(onEvents);
  handler.current = onEvents;

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

    socket.on("connect", resume);
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
