// The supervision report's sections (Form A), shared by the officer's review on the phone and the command
// post's printed paper: one <section> per part, each with the officer's note (a text field while the officer
// edits, the text on paper). Words come from the messages; numbers and times through format.ts.
import type { ReactNode } from "react";
import { formatNumber, formatTime } from "~/lib/format";
import type { Lang } from "~/lib/i18n";
import { checklistMessages } from "~/lib/messages/checklists";
import { formaMessages } from "~/lib/messages/forma";
import { incidentMessages } from "~/lib/messages/incidents";
import { tpsStatusMessages } from "~/lib/messages/tps-status";
import { regionLabel } from "~/lib/regions";
import type { ComposedReport, ReportSection } from "~/lib/supervision-report";
import { useLang, useT } from "~/lib/use-t";

type T = ReturnType<typeof useReportT>;
const useReportT = () => useT(formaMessages, checklistMessages, incidentMessages, tpsStatusMessages);
type Key = Parameters<T>[0];

const Pending = ({ t }: { t: T }) => <span className="badge forma-pending">{t("forma.pending")}</span>;

export function ReportSections({
  report,
  note,
  footer,
}: {
  report: ComposedReport;
  /** The officer's note of a section: a text field on the phone, the text on paper. */
  note: (section: ReportSection) => ReactNode;
  /** Under the last section: the signature block on paper. */
  footer?: ReactNode;
}) {
  const t = useReportT();
  const lang = useLang();
  const time = (iso: string | null) => formatTime(iso, lang);
  const n = (x: number) => formatNumber(x, lang);
  const label = (l: { id: string; en: string }) => l[lang] || l.id;
  const { identity, supervised, found, done, results } = report;
  const heading = (section: ReportSection) => (
    <header className="forma-page-head">
      <span>{t("forma.heading")}</span>
      <span className="tps-code">{t("forma.subheading", { tps: identity.code })}</span>
      <h2>{t(`forma.section.${section}` as Key)}</h2>
    </header>
  );
  return (
    <>
      <section className="forma-section" data-testid="forma-identity" aria-label={t("forma.section.identity")}>
        {heading("identity")}
        <dl className="forma-facts">
          <dt>{t("forma.tps")}</dt>
          <dd className="tps-code">{identity.code}</dd>
          <dt>{t("forma.address")}</dt>
          <dd>{identity.address}</dd>
          <dt>{t("forma.kelurahan")}</dt>
          <dd>{regionLabel(identity.kelurahan.kind, identity.kelurahan.name)}</dd>
          <dt>{t("forma.kecamatan")}</dt>
          <dd>{regionLabel("kecamatan", identity.kecamatan.name)}</dd>
          <dt>{t("forma.city")}</dt>
          <dd>{identity.city ? regionLabel(identity.city.kind, identity.city.name) : "—"}</dd>
          <dt>{t("forma.officer")}</dt>
          <dd>{identity.officer ? `${identity.officer.name} (${identity.officer.login})` : t("forma.noOfficer")}</dd>
        </dl>
        <p className="small">
          {t("forma.voters", { dpt: n(identity.dpt), dptb: n(identity.dptb), dpk: n(identity.dpk) })}
        </p>
        {note("identity")}
      </section>

      <section className="forma-section" data-testid="forma-supervised" aria-label={t("forma.section.supervised")}>
        {heading("supervised")}
        <h3>{t("forma.checkin")}</h3>
        {supervised.checkin ? (
          <p>
            {t("forma.checkinAt", { time: time(supervised.checkin.at) })}
            {supervised.checkin.distanceM != null
              ? ` · ${t("forma.checkinDistance", { m: n(Math.round(supervised.checkin.distanceM)) })}`
              : ""}
            {supervised.checkin.note ? ` · ${supervised.checkin.note}` : ""}
            {supervised.checkin.pending ? <Pending t={t} /> : null}
          </p>
        ) : (
          <p className="muted">{t("forma.checkinNone")}</p>
        )}
        {supervised.phases.map((p) => (
          <div key={p.phase} className="forma-phase" data-testid={`forma-phase-${p.phase}`}>
            <h3>
              {t(`phase.${p.phase}` as Key)}{" "}
              <span className="small muted">
                {t("forma.phaseDue", { time: p.due })} ·{" "}
                {p.answeredAt ? t("forma.phaseAnswered", { time: time(p.answeredAt) }) : t("forma.phaseNotAnswered")}
              </span>
              {p.pending ? <Pending t={t} /> : null}
            </h3>
            {p.answeredAt ? (
              <table className="results-table forma-table">
                <tbody>
                  {p.items.map((i) => (
                    <tr key={i.code} className={i.ok === false ? "forma-no" : undefined}>
                      <td>{label(i.label)}</td>
                      <td className="nowrap">
                        {i.answer === "yes" ? t("forma.yes") : i.answer === "no" ? t("forma.no") : (i.answer ?? "—")}
                      </td>
                      <td className="small">{i.note ?? ""}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : null}
          </div>
        ))}
        {note("supervised")}
      </section>

      <section className="forma-section" data-testid="forma-found" aria-label={t("forma.section.found")}>
        {heading("found")}
        <h3>{t("forma.incidents")}</h3>
        {found.incidents.length ? (
          <ul className="forma-incidents">
            {found.incidents.map((i) => (
              <li key={i.id}>
                <strong>
                  {time(i.occurredAt)} · {label(i.category)}
                </strong>{" "}
                · {t(`incident.severity.${i.severity}` as Key)} · {t(`incident.status.${i.status}` as Key)}
                {i.pending ? <Pending t={t} /> : null}
                <br />
                {i.description}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t("forma.none")}</p>
        )}
        <h3>{t("forma.checklistProblems")}</h3>
        {found.checklistProblems.length ? (
          <ul>
            {found.checklistProblems.map((p, i) => (
              <li key={i}>
                {t(`phase.${p.phase}` as Key)}: {label(p.label)} — {t("forma.no")}
                {p.note ? ` (${p.note})` : ""}
                {p.counted ? <span className="small muted"> · {t("forma.counted")}</span> : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t("forma.none")}</p>
        )}
        <h3>{t("forma.inconsistencies")}</h3>
        {found.inconsistencies.length ? (
          <ul>
            {found.inconsistencies.map((w, i) => (
              <li key={i}>
                {w.contestName}: {w.message}{" "}
                <span className="small muted">
                  ({t(`forma.tier.${w.tier === "inconsistent" ? "inconsistent" : "unusual"}`)})
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t("forma.none")}</p>
        )}
        {note("found")}
      </section>

      <section className="forma-section" data-testid="forma-done" aria-label={t("forma.section.done")}>
        {heading("done")}
        <h3>{t("forma.actions")}</h3>
        {done.actions.length ? (
          <ul>
            {done.actions.map((a, i) => (
              <li key={i}>
                {time(a.at)} · {label(a.category)}: {t(`incident.status.${a.toStatus}` as Key)}
                {a.actor ? ` ${t("forma.by", { name: a.actor })}` : ""}
                {a.note ? ` — ${a.note}` : ""}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t("forma.none")}</p>
        )}
        <h3>{t("forma.outcomes")}</h3>
        {done.outcomes.length ? (
          <ul>
            {done.outcomes.map((o) => (
              <li key={o.incidentId}>
                {label(o.category)}: {t(`incident.status.${o.status}` as Key)}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t("forma.none")}</p>
        )}
        {note("done")}
      </section>

      <section className="forma-section" data-testid="forma-results" aria-label={t("forma.section.results")}>
        {heading("results")}
        {results.length ? null : <p className="muted">{t("forma.noResults")}</p>}
        {results.map((r) => (
          <div key={r.contest} className="forma-contest" data-testid={`forma-result-${r.contest}`}>
            <h3>
              {r.contestName}
              {r.pending ? <Pending t={t} /> : null}
            </h3>
            <p className="small muted">
              {t("forma.sentAt", { time: time(r.receivedAt), revision: n(r.revision), source: r.source })}
              {r.completeness
                ? ` · ${t(`forma.completeness.${r.completeness === "complete" ? "complete" : "quick"}`)}`
                : ""}
              {r.pending ? "" : ` · ${t("forma.resultStatus", { status: t(`status.${r.status}` as Key) })}`}
            </p>
            <table className="results-table forma-table">
              <thead>
                <tr>
                  <th>{t("forma.choice")}</th>
                  <th className="num">{t("forma.votes")}</th>
                </tr>
              </thead>
              <tbody>
                {r.choices.map((c) => (
                  <tr key={c.number}>
                    <td>
                      {c.number}. {c.name}
                    </td>
                    <td className="num">{c.votes == null ? "—" : n(c.votes)}</td>
                  </tr>
                ))}
                <tr>
                  <td>{t("forma.valid")}</td>
                  <td className="num">{n(r.valid)}</td>
                </tr>
                <tr>
                  <td>{t("forma.invalid")}</td>
                  <td className="num">{n(r.invalid)}</td>
                </tr>
              </tbody>
            </table>
            <p className="small">
              <strong>{t("forma.photos", { count: n(r.photos.length) })}</strong>
              {r.photos.length ? ": " : " "}
              {r.photos.length
                ? r.photos.map((p, i) => t("forma.photoAt", { n: i + 1, time: time(p.receivedAt) })).join("; ")
                : t("forma.noPhotos")}
            </p>
          </div>
        ))}
        {note("results")}
        {footer}
      </section>
    </>
  );
}

/** A note as printed: under its section, with its heading; nothing when the officer wrote none. */
export function PrintedNote({ text }: { text: string | undefined }) {
  const t = useT(formaMessages);
  if (!text) return null;
  return (
    <div className="forma-note">
      <h3>{t("forma.notes")}</h3>
      <p className="forma-note-text">{text}</p>
    </div>
  );
}

export type { Lang };
