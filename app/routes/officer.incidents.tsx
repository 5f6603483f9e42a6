// The officer's incidents: what they reported, each with its current status as the command
// post handles it, updated live; reports still in the outbox are listed as waiting to be sent.
import { BackHome, useOfficer } from "~/components/officer-nav";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useState } from "react";
import { useAgo, useNow } from "~/components/outbox-panel";
import { useLive } from "~/components/use-live";
import type { IncidentData } from "~/lib/events";
import type { Severity } from "~/lib/incidents";
import { useOutbox } from "~/lib/outbox-client";
import { commonMessages } from "~/lib/messages/common";
import { incidentMessages } from "~/lib/messages/incidents";
import { officerMessages } from "~/lib/messages/officer";
import { useLang, useT } from "~/lib/use-t";
import { headSeq } from "~/models/events.server";
import { listIncidents } from "~/models/incidents.server";
import { getSetting } from "~/models/settings.server";
import { TopBar } from "~/root";
import { incidentViewOf, requirePageUser } from "~/utils/permissions.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePageUser(request, context.sql, "officer:app");
  const [seq, incidents, categories] = await Promise.all([
    headSeq(context.sql),
    listIncidents(context.sql, { ...incidentViewOf(user), limit: 100 }),
    getSetting(context.sql, "incident.categories"),
  ]);
  return {
    tpsCode: user.tpsCode!,
    seq,
    categories,
    incidents: incidents.sort((a, b) => b.createdAt.localeCompare(a.createdAt)),
  };
}

export default function MyIncidents() {
  const data = useLoaderData<typeof loader>();
  const t = useT(officerMessages, incidentMessages, commonMessages);
  const lang = useLang();
  const categoryLabel = (code: string) => data.categories.find((c) => c.code === code)?.[lang] ?? code;
  const ago = useAgo();
  const now = useNow();
  const [incidents, setIncidents] = useState<IncidentData[]>(data.incidents);
  const live = useLive({
    seq: data.seq,
    onEvents: (events) =>
      setIncidents((list) => {
        let next = list;
        for (const e of events) {
          if ((e.type !== "incident:created" && e.type !== "incident:updated") || e.data.tpsCode !== data.tpsCode)
            continue;
          const { step: _step, ...incident } = e.data as IncidentData & { step?: unknown };
          next = [incident as IncidentData, ...next.filter((i) => i.id !== incident.id)];
        }
        return next.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
      }),
  });
  const { items } = useOutbox(useOfficer());
  const known = new Set(incidents.map((i) => i.id));
  const waiting = items.filter((i) => i.kind === "incident" && !known.has(i.id));

  return (
    <>
      <TopBar title={`TPS ${data.tpsCode}`} />
      <main className="page phone">
        <BackHome />
        <h1>{t("nav.incidents")}</h1>
        <p className={`live-status ${live}`} data-testid="live-status">
          {live === "live" ? t("posko.live") : t("posko.reconnecting")}
        </p>
        <p>
          <a className="button primary big" href="/officer/incident">
            {t("nav.incident")}
          </a>
        </p>
        {incidents.length === 0 && waiting.length === 0 ? <p className="muted">{t("officerReport.none")}</p> : null}
        <ul className="incident-list">
          {waiting.map((item) => {
            const body = item.body as { category: string; severity: Severity; description: string };
            return (
              <li key={item.id} className="card" data-testid="my-incident" data-id={item.id}>
                <div className="row">
                  <strong>{categoryLabel(body.category)}</strong>
                  <span className={`badge outbox-${item.state}`} data-testid="incident-status">
                    {item.state === "rejected" ? t("outbox.rejected") : t("outbox.pending")}
                  </span>
                </div>
                <p>{body.description}</p>
                <span className="muted small">
                  {t(`incident.severity.${body.severity}`)} · {ago(item.createdAt, now)}
                </span>
              </li>
            );
          })}
          {incidents.map((i) => (
            <li key={i.id} className="card" data-testid="my-incident" data-id={i.id}>
              <div className="row">
                <strong>{categoryLabel(i.category)}</strong>
                <span className={`badge incident-${i.status}`} data-testid="incident-status">
                  {t(`incident.status.${i.status}`)}
                </span>
              </div>
              <p>{i.description}</p>
              <span className="muted small">
                {t(`incident.severity.${i.severity}`)} · {ago(Date.parse(i.createdAt), now)}
                {i.photoIds.length ? ` · ${t("officerReport.photoCount", { n: i.photoIds.length })}` : ""}
              </span>
            </li>
          ))}
        </ul>
      </main>
    </>
  );
}
