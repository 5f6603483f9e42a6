// Who else has this review item open, live (server/live/presence.ts): a connection of the page's own that
// says `review:open` on every (re)connect and hears `review:presence` while the page is open.
import { useEffect, useState } from "react";
import { io } from "socket.io-client";

export type ReviewPerson = { id: number; name: string };
type Presence = { tps: string; contest: string; people: ReviewPerson[] };
type PresenceAck = { ok: true; people: ReviewPerson[] } | { ok: false; code: string };

/** The other people (not `me`) who have the item open now. */
export function useReviewPresence({ tps, contest, me }: { tps: string; contest: string; me: number }) {
  const [people, setPeople] = useState<ReviewPerson[]>([]);
  useEffect(() => {
    const socket = io({ transports: ["websocket", "polling"], withCredentials: true });
    const open = () =>
      socket.emit("review:open", { tps, contest }, (answer: PresenceAck) => {
        if (answer?.ok) setPeople(answer.people);
      });
    socket.on("connect", open);
    socket.on("review:presence", (p: Presence) => {
      if (p?.tps === tps && p.contest === contest && Array.isArray(p.people)) setPeople(p.people);
    });
    // Gone from the server's view while cut off: nobody is shown rather than someone who has left.
    socket.on("disconnect", () => setPeople([]));
    return () => {
      socket.emit("review:close");
      socket.close();
    };
  }, [tps, contest]);
  return people.filter((p) => p.id !== me);
}
