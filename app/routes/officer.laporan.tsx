// The officer's supervision report (Form A, decision 048): the day composed into the report's sections, with
// a note per section for what the app could not know, sent through the outbox. Offline the page comes from
// the phone's cache (the last fetched day) and the outbox's waiting items are laid over it, so the officer
// reviews and sends the report without signal. A note being written is kept on the phone until it is sent.
// Its own route module: the officer app's first screens do not load this code.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useEffect, useMemo, useState } from "react";
import { ReportSections } from "~/components/forma/report-sections";
import { BackHome, useOfficer } from "~/components/officer-nav";
import { OutboxPanel } from "~/components/outbox-panel";
import { formatTime } from "~/lib/format";
import { commonMessages } from "~/lib/messages/common";
import { formaMessages } from "~/lib/messages/forma";
import { enqueue, useNetworkState, useOnline, useOutbox } from "~/lib/outbox-client";
import { hasControlCharacter } from "~/lib/schemas/atoms";
import {
  composeReport,
  MAX_NOTE_CHARS,
  REPORT_SECTIONS,
  withPending,
  type ReportNotes,
  type ReportSection,
} from "~/lib/supervision-report";
import { newId } from "~/lib/uuid";
import { useLang, useT } from "~/lib/use-t";
import { getReport, getReportDay } from "~/models/supervision-reports.server";
import { TopBar } from "~/root";
import { requirePageUser } from "~/utils/permissions.server";

export const meta: MetaFunction = () => [{ title: "Pantau — Laporan pengawasan" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePageUser(request, context.sql, "officer:app");
  const tpsCode = user.tpsCode!;
  const [day, report] = await Promise.all([
    getReportDay(context.sql, { tpsCode }),
    getReport(context.sql, { tpsCode }),
  ]);
  return {
    day: day!,
    report: report
      ? {
          version: report.version,
          id: report.id,
          notes: report.notes,
          submittedAt: report.submittedAt,
          acceptedAt: report.acceptedAt,
          acceptedBy: report.acceptedBy,
        }
      : null,
  };
}

const draftKey = (account: number | null) => `pantau-forma-draft-${account ?? "none"}`;

export default function OfficerReport() {
  const { day, report } = useLoaderData<typeof loader>();
  const t = useT(formaMessages, commonMessages);
  const lang = useLang();
  const officer = useOfficer();
  const { items } = useOutbox(officer);
  const network = useNetworkState();
  const online = useOnline();
  const composed = useMemo(() => composeReport(withPending(day, items, officer.account)), [day, items, officer]);
  const mine = items.filter((i) => i.kind === "supervision-report" && i.state !== "rejected");
  const waiting = mine.find((i) => i.state === "pending");
  const lastSent = mine.filter((i) => i.state === "sent").sort((a, b) => (b.sentAt ?? 0) - (a.sentAt ?? 0))[0];
  const [notes, setNotes] = useState<ReportNotes>(() => report?.notes ?? {});
  const [tried, setTried] = useState(false);

  // A draft on this phone wins over the last sent notes: it is what the officer was writing.
  useEffect(() => {
    try {
      const draft = localStorage.getItem(draftKey(officer.account));
      if (draft) setNotes(JSON.parse(draft) as ReportNotes);
    } catch {
      // No storage (private mode): the notes live in the page only.
    }
  }, [officer.account]);
  const change = (section: ReportSection, value: string) => {
    const next = { ...notes, [section]: value };
    setNotes(next);
    try {
      localStorage.setItem(draftKey(officer.account), JSON.stringify(next));
    } catch {
      // See above.
    }
  };
  const errorOf = (section: ReportSection) => {
    const value = notes[section] ?? "";
    if (value.length > MAX_NOTE_CHARS) return t("forma.notesTooLong", { max: MAX_NOTE_CHARS });
    if (hasControlCharacter(value)) return t("forma.notesControl");
    return null;
  };
  const accepted = !!report?.acceptedAt;

  const send = async () => {
    setTried(true);
    if (REPORT_SECTIONS.some(errorOf) || accepted) return;
    const id = newId();
    const trimmed = Object.fromEntries(
      REPORT_SECTIONS.map((s) => [s, (notes[s] ?? "").trim()]).filter(([, v]) => v),
    ) as ReportNotes;
    await enqueue({
      id,
      kind: "supervision-report",
      url: "/api/v1/supervision-reports",
      tps: day.tps.code,
      account: officer.account,
      label: t("forma.nav"),
      body: { id, tpsCode: day.tps.code, capturedAt: new Date().toISOString(), notes: trimmed },
    });
    try {
      localStorage.removeItem(draftKey(officer.account));
    } catch {
      // See above.
    }
  };

  const sentVersion = (lastSent?.response as { version?: number } | undefined)?.version;
  const version = Math.max(report?.version ?? 0, sentVersion ?? 0);
  return (
    <>
      <TopBar title={t("forma.nav")} />
      <main className="page phone forma-phone">
        <BackHome />
        <h1>{t("forma.title")}</h1>
        <p className="muted small">{!online || network.server === "down" ? t("forma.offline") : t("forma.review")}</p>
        <p role="status" className="card" data-testid="forma-state">
          {accepted
            ? t("forma.accepted", { time: formatTime(report!.acceptedAt, lang), name: report!.acceptedBy ?? "" })
            : waiting
              ? t("forma.queued")
              : version
                ? sentVersion && sentVersion >= (report?.version ?? 0)
                  ? t("forma.sent", { version })
                  : t("forma.submitted", { version, time: formatTime(report!.submittedAt, lang) })
                : t("forma.notSubmitted")}
        </p>
        <ReportSections
          report={composed}
          note={(section) => (
            <label className={`field forma-note ${tried && errorOf(section) ? "has-error" : ""}`}>
              <span>{t("forma.notes")}</span>
              <textarea
                name={`note-${section}`}
                data-testid={`forma-note-${section}`}
                rows={3}
                value={notes[section] ?? ""}
                disabled={accepted}
                onChange={(e) => change(section, e.target.value)}
              />
              <span className="small muted">
                {t("forma.notesHint", { max: MAX_NOTE_CHARS })} ·{" "}
                {t("forma.notesCount", { n: (notes[section] ?? "").length, max: MAX_NOTE_CHARS })}
              </span>
              {tried && errorOf(section) ? (
                <span className="error" role="alert">
                  {errorOf(section)}
                </span>
              ) : null}
            </label>
          )}
        />
        {accepted ? null : (
          <>
            <p className="small muted">{t("forma.replaceHint")}</p>
            <button
              type="button"
              className="primary big"
              data-testid="forma-submit"
              disabled={!!waiting}
              onClick={() => void send()}
            >
              {version ? t("forma.submitAgain", { version }) : t("forma.submit")}
            </button>
          </>
        )}
        <OutboxPanel showSent={false} />
      </main>
    </>
  );
}
