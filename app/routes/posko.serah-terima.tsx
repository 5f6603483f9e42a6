// The command post's shift handover sheet (serah terima shift), printable on A4: what happened in the area
// since the last handover (incidents reported and resolved, results received and verified), what is still
// open now, the audit chain's signed head and signature lines for both shifts. Closing the shift records the
// moment, so the next sheet starts there. Staff of the command post; supervisors and case officers their
// area (case officers read only).
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData, useNavigation } from "@remix-run/react";
import { AuditHead } from "~/components/audit-head";
import { PrintPage, SignatureBlock } from "~/components/paper";
import { PoskoNav } from "~/components/posko-nav";
import { can } from "~/lib/access";
import {
  formatDateTime,
  formatNumber,
  formatTime,
  fromElectionWallClock,
  startOfElectionDay,
  toElectionWallClock,
} from "~/lib/format";
import { commonMessages } from "~/lib/messages/common";
import { handoverMessages } from "~/lib/messages/handover";
import { incidentMessages } from "~/lib/messages/incidents";
import { papersMessages } from "~/lib/messages/papers";
import { useLang, useT } from "~/lib/use-t";
import { closeShift, getHandover, lastHandover } from "~/models/handover.server";
import { getSetting } from "~/models/settings.server";
import { TopBar } from "~/root";
import { readForm } from "~/utils/admin.server";
import { publishedHead } from "~/utils/audit-head.server";
import { areaOf, requirePageAccess, requirePageUser } from "~/utils/permissions.server";

export const meta: MetaFunction = () => [{ title: "Pantau — Serah terima shift" }];

/** How far back a sheet may start: a shift, or a long day, never weeks of history. */
const MAX_PERIOD_MS = 7 * 24 * 3600 * 1000;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePageUser(request, context.sql, "posko:view");
  const area = areaOf(user);
  const url = new URL(request.url);
  const until = new Date();
  const last = await lastHandover(context.sql, { area });
  const asked = fromElectionWallClock((url.searchParams.get("sejak") ?? "").slice(0, 16));
  const since =
    asked && asked < until && until.getTime() - asked.getTime() <= MAX_PERIOD_MS
      ? asked
      : (last?.closedAt ?? startOfElectionDay(until));
  const [sheet, auditHead, papers, categories] = await Promise.all([
    getHandover(context.sql, { area, since, until }),
    publishedHead(context),
    getSetting(context.sql, "papers"),
    getSetting(context.sql, "incident.categories"),
  ]);
  return {
    area,
    since: since.toISOString(),
    until: until.toISOString(),
    last: last ? { closedAt: last.closedAt.toISOString(), by: last.closedBy } : null,
    closed: url.searchParams.get("ditutup") === "1",
    mayClose: can(user, "handover:close"),
    role: user.role,
    sheet,
    auditHead,
    papers,
    categories: Object.fromEntries(categories.map((c) => [c.code, { id: c.id, en: c.en }])),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePageUser(request, context.sql, "handover:close");
  requirePageAccess(can(user, "handover:close"));
  const form = await readForm(request);
  const area = areaOf(user);
  const last = await lastHandover(context.sql, { area });
  const asked = new Date(String(form.get("since") ?? "").slice(0, 30));
  const now = new Date();
  const since =
    !Number.isNaN(asked.getTime()) && asked < now && now.getTime() - asked.getTime() <= MAX_PERIOD_MS
      ? asked
      : (last?.closedAt ?? startOfElectionDay(now));
  await context.writer.write((ctx) => closeShift(ctx, { area, since, actorId: user.id }));
  return redirect("/posko/serah-terima?ditutup=1");
}

export default function Handover() {
  const { area, since, until, last, closed, mayClose, role, sheet, auditHead, papers, categories } =
    useLoaderData<typeof loader>();
  const t = useT(handoverMessages, incidentMessages, papersMessages, commonMessages);
  const lang = useLang();
  const n = (x: number) => formatNumber(x, lang);
  const busy = useNavigation().state !== "idle";
  const period = t("handover.period", { since: formatDateTime(since, lang), until: formatDateTime(until, lang) });
  const incidents = (list: typeof sheet.opened, count: number, testid: string) => {
    if (!list.length) return <p className="muted">{t("handover.none")}</p>;
    return (
      <>
        <table className="results-table handover-incidents" data-testid={testid}>
          <thead>
            <tr>
              <th>{t("handover.time")}</th>
              <th>TPS</th>
              <th>{t("handover.category")}</th>
              <th>{t("handover.severity")}</th>
              <th>{t("handover.status")}</th>
              <th>{t("handover.description")}</th>
            </tr>
          </thead>
          <tbody>
            {list.map((i) => (
              <tr key={i.id}>
                <td className="nowrap">{formatTime(new Date(i.createdAt).toISOString(), lang)}</td>
                <td className="tps-code nowrap">{i.tpsCode ?? "—"}</td>
                <td>{categories[i.category]?.[lang] ?? i.category}</td>
                <td>{t(`incident.severity.${i.severity}` as Parameters<typeof t>[0])}</td>
                <td>{t(`incident.status.${i.status}` as Parameters<typeof t>[0])}</td>
                <td className="handover-description">{i.description}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {count > list.length ? (
          <p className="small muted">{t("handover.more", { shown: list.length, count })}</p>
        ) : null}
      </>
    );
  };
  return (
    <>
      <div className="no-print">
        <TopBar title={t("handover.title")} />
        <PoskoNav role={role} />
      </div>
      <main className="page handover" data-testid="handover-sheet">
        <div className="no-print recap-filter">
          <Form method="get" className="row">
            <label>
              {t("handover.since")}
              <input type="datetime-local" name="sejak" defaultValue={toElectionWallClock(since)} />
            </label>
            <button type="submit">{t("handover.show")}</button>
            <button type="button" onClick={() => window.print()}>
              {t("handover.print")}
            </button>
          </Form>
          {mayClose ? (
            <Form method="post">
              <input type="hidden" name="since" value={since} />
              <button type="submit" className="primary" disabled={busy}>
                {t("handover.close")}
              </button>
            </Form>
          ) : null}
        </div>
        {closed && last ? (
          <p role="status" className="no-print">
            {t("handover.closed", { time: formatDateTime(last.closedAt, lang) })}
          </p>
        ) : null}
        <header className="letterhead">
          <strong>{papers.letterhead}</strong>
        </header>
        <h1>{t("handover.heading")}</h1>
        <p data-testid="handover-period">
          <strong>{period}</strong> · {t("handover.area", { area: area ?? t("handover.allAreas") })}
        </p>
        <p className="small muted">
          {last
            ? t("handover.lastClosed", { time: formatDateTime(last.closedAt, lang), by: last.by })
            : t("handover.noneClosed")}
        </p>

        <h2>{t("handover.results")}</h2>
        <table className="results-table" data-testid="handover-results">
          <thead>
            <tr>
              <th>{t("handover.contest")}</th>
              <th className="num">{t("handover.received")}</th>
              <th className="num">{t("handover.receivedTps")}</th>
              <th className="num">{t("handover.verified")}</th>
              <th className="num">{t("handover.conflict")}</th>
              <th className="num">{t("handover.flagged")}</th>
            </tr>
          </thead>
          <tbody>
            {sheet.contests.map((c) => (
              <tr key={c.code} data-testid={`handover-contest-${c.code}`}>
                <td>{c.name}</td>
                <td className="num">{n(c.received)}</td>
                <td className="num">{n(c.receivedTps)}</td>
                <td className="num">{n(c.verified)}</td>
                <td className="num">{n(c.conflict)}</td>
                <td className="num">{n(c.flagged)}</td>
              </tr>
            ))}
          </tbody>
        </table>

        <h2 data-testid="handover-opened-count">{t("handover.opened", { count: sheet.counts.opened })}</h2>
        {incidents(sheet.opened, sheet.counts.opened, "handover-opened")}
        <h2 data-testid="handover-resolved-count">{t("handover.resolved", { count: sheet.counts.resolved })}</h2>
        {incidents(sheet.resolved, sheet.counts.resolved, "handover-resolved")}
        <h2 data-testid="handover-open-count">{t("handover.open", { count: sheet.counts.open })}</h2>
        {incidents(sheet.open, sheet.counts.open, "handover-open")}

        <SignatureBlock
          place={papers.place}
          at={until}
          signers={[
            { role: t("handover.handedBy"), name: "" },
            { role: t("handover.receivedBy"), name: "" },
          ]}
        />
        <AuditHead head={auditHead} />
        <PrintPage
          name="handover"
          size="A4"
          footer={`${papers.letterhead} · ${t("handover.title")} · ${formatDateTime(until, lang)}`}
        />
      </main>
    </>
  );
}
