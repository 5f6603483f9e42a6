// "Pesan dari posko": the posko's broadcasts to this TPS, unread first. A new one arrives live (the socket
// names this TPS) and the list is fetched again, which tells the posko it was delivered; opening one sends
// a read receipt through the outbox, so it is counted even when the phone is offline when it is opened.
import { useState } from "react";
import { Time } from "~/components/time";
import { useLive } from "~/components/use-live";
import { broadcastMessages } from "~/lib/messages/broadcast";
import { enqueue } from "~/lib/outbox-client";
import type { OutboxItem } from "~/lib/outbox";
import { useT } from "~/lib/use-t";

export interface OfficerBroadcastItem {
  id: string;
  body: string;
  author: string;
  createdAt: string;
  readAt: string | null;
}

const readUrl = (id: string) => `/api/v1/broadcasts/${id}/read`;

export function BroadcastList({
  initial,
  seq,
  tpsCode,
  account,
  outbox,
}: {
  initial: OfficerBroadcastItem[];
  seq: number;
  tpsCode: string;
  account: number | null;
  outbox: OutboxItem[];
}) {
  const t = useT(broadcastMessages);
  const [list, setList] = useState(initial);
  const [open, setOpen] = useState<string | null>(null);
  const [fresh, setFresh] = useState(false);
  useLive({
    seq,
    onEvents: (events) => {
      if (!events.some((e) => e.type === "broadcast:sent" && e.data.tpsCodes.includes(tpsCode))) return;
      setFresh(true);
      fetch("/api/v1/broadcasts", { headers: { Accept: "application/json" } })
        .then((r) => (r.ok ? r.json() : null))
        .then((data: { broadcasts?: OfficerBroadcastItem[] } | null) => data?.broadcasts && setList(data.broadcasts))
        .catch(() => {});
    },
  });
  // Opened on this phone while the receipt still waits in the outbox: read all the same.
  const readHere = new Set(outbox.filter((i) => i.kind === "broadcast-read").map((i) => i.url));
  const isRead = (b: OfficerBroadcastItem) => !!b.readAt || readHere.has(readUrl(b.id));

  const openOne = async (b: OfficerBroadcastItem) => {
    setOpen(b.id);
    if (isRead(b)) return;
    setList((all) => all.map((x) => (x.id === b.id ? { ...x, readAt: new Date().toISOString() } : x)));
    const id = crypto.randomUUID();
    await enqueue({
      id,
      kind: "broadcast-read",
      url: readUrl(b.id),
      tps: tpsCode,
      account,
      label: b.body.slice(0, 40),
      body: { id, tpsCode },
    });
  };

  const unread = list.filter((b) => !isRead(b)).length;
  return (
    <section className="card broadcasts" aria-labelledby="broadcasts-heading" data-testid="officer-broadcasts">
      <h2 id="broadcasts-heading">
        {t("broadcast.officerTitle")}
        {unread > 0 ? <span className="badge unread-count"> {unread}</span> : null}
      </h2>
      {fresh && unread > 0 ? (
        <p role="status" className="notice">
          {t("broadcast.live")}
        </p>
      ) : null}
      {list.length === 0 ? <p className="muted">{t("broadcast.officerNone")}</p> : null}
      <ul className="broadcast-list">
        {list.map((b) => {
          const read = isRead(b);
          const shown = open === b.id;
          return (
            <li key={b.id} className={read ? "read" : "unread"} data-testid="officer-broadcast">
              <button type="button" className="broadcast-open" aria-expanded={shown} onClick={() => void openOne(b)}>
                {!read ? <span className="badge">{t("broadcast.unread")}</span> : null}
                <span className={shown ? "broadcast-body" : "broadcast-preview"}>{b.body}</span>
              </button>
              <p className="muted small">
                {t("broadcast.from", { author: b.author, time: "" })}
                <Time iso={b.createdAt} time seconds={false} />
              </p>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
