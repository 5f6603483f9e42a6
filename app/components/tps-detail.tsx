// The TPS detail panel on the command-post map: officer, last seen, results per contest, incidents, photos.
import { ballotChoices, type BallotContest } from "~/lib/ballot";
import { contestsAt } from "~/lib/contests";
import { regionLabel } from "~/lib/regions";
import { useEffect, useState } from "react";
import type { TpsDetail } from "~/models/command-post.server";
import { commandPostMessages } from "~/lib/messages/command-post";
import { commonMessages } from "~/lib/messages/common";
import { incidentMessages } from "~/lib/messages/incidents";
import { staffExtrasMessages } from "~/lib/messages/staff-extras";
import { tpsStatusMessages } from "~/lib/messages/tps-status";
import { formatNumber, formatTime } from "~/lib/format";
import { checklistMessages } from "~/lib/messages/checklists";
import { outboxMessages } from "~/lib/messages/outbox";
import { useLang, useT } from "~/lib/use-t";
import { useCategoryLabel } from "./incidents/categories";

export function TpsDetailPanel({
  code,
  onClose,
  contests,
}: {
  code: string;
  onClose: () => void;
  /** The view's contests; the TPS's own ballots (those whose area holds it) are listed. */
  contests: (BallotContest & { code: string; name: string; area: string[] })[];
}) {
  const t = useT(
    tpsStatusMessages,
    incidentMessages,
    commandPostMessages,
    staffExtrasMessages,
    commonMessages,
    outboxMessages,
  );
  const label = useCategoryLabel();
  const lang = useLang();
  const [detail, setDetail] = useState<TpsDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    setDetail(null);
    setError(null);
    fetch(`/api/v1/tps/${encodeURIComponent(code)}`, { credentials: "same-origin" })
      .then(async (res) => {
        const body = await res.json();
        if (!live) return;
        if (res.ok) setDetail(body as TpsDetail);
        else setError(body.message ?? `HTTP ${res.status}`);
      })
      .catch(() => live && setError(t("api.unavailable")));
    return () => {
      live = false;
    };
  }, [code]); // eslint-disable-line react-hooks/exhaustive-deps

  return (
    <section className="tps-detail" data-testid="tps-detail" aria-label={`TPS ${code}`}>
      <button
        type="button"
        className="close"
        onClick={onClose}
        aria-label={t("alert.dismiss")}
        style={{ float: "right", minHeight: 32 }}
      >
        ×
      </button>
      <h3 className="tps-code">TPS {code}</h3>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      {!detail && !error ? <p className="muted">…</p> : null}
      {detail ? (
        <>
          <p className="small">
            {detail.tps.address}
            <br />
            {regionLabel(detail.tps.kelurahanKind, detail.tps.kelurahanName)},{" "}
            {regionLabel("kecamatan", detail.tps.kecamatanName)}
          </p>
          <p className="small">
            <span className={`badge day-${detail.tps.dayStatus}`}>{t(`day.${detail.tps.dayStatus}`)}</span>{" "}
            {t("detail.lastSeen", {
              time: formatTime(detail.tps.lastSeenAt, lang),
            })}
          </p>
          <p className="small">
            {t("detail.officer")}:{" "}
            {detail.officers.length
              ? detail.officers.map((o) => (
                  <span key={o.login}>
                    {o.name}
                    {o.phone ? (
                      <>
                        {" "}
                        (<a href={`tel:${o.phone}`}>{o.phone}</a>)
                      </>
                    ) : null}{" "}
                  </span>
                ))
              : "–"}
          </p>
          <p className="small" data-testid="detail-checkin">
            {detail.checkin ? (
              <>
                {detail.checkin.distanceM == null ? (
                  <strong className="warning">
                    {t("detail.checkinNoGps", { time: formatTime(detail.checkin.at, lang) })}
                  </strong>
                ) : (
                  t("detail.checkin", { time: formatTime(detail.checkin.at, lang), distance: detail.checkin.distanceM })
                )}
                {detail.checkin.note ? (
                  <>
                    <br />
                    {t("detail.checkinNote", { note: detail.checkin.note })}
                  </>
                ) : null}
              </>
            ) : (
              t("detail.noCheckin")
            )}
          </p>
          {detail.held ? (
            <p className="small error" data-testid="detail-held" role="status">
              {t("detail.held", {
                phones: detail.held.phones,
                n: detail.held.items,
                time: formatTime(detail.held.oldestAt, lang),
              })}
            </p>
          ) : null}
          <h4>{t("detail.results")}</h4>
          <table data-testid="detail-results">
            <tbody>
              {contestsAt(detail.tps.kelurahanCode, contests).map((c) => {
                const r = detail.results.find((x) => x.contest === c.code);
                return (
                  <tr key={c.code}>
                    <td>{c.name}</td>
                    <td>
                      {r ? (
                        <span className={`badge status-${r.status}`}>{t(`status.${r.status}`)}</span>
                      ) : (
                        t("status.missing")
                      )}
                    </td>
                    <td className="small">
                      {r
                        ? ballotChoices(c)
                            .map((k) => `${k.kind === "party" ? k.abbrev : k.number}: ${r.votes[k.number] ?? 0}`)
                            .join(" · ") + ` · ${t("posko.invalid")}: ${r.invalid}`
                        : ""}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <TpsChecklists checklists={detail.checklists} />
          <h4>{t("detail.incidents")}</h4>
          {detail.incidents.length ? (
            <ul className="stale-list">
              {detail.incidents.map((i) => (
                <li key={i.id}>
                  <span>
                    {t(`incident.severity.${i.severity}`)} · {label(i.category)}
                  </span>
                  <span>{t(`incident.status.${i.status}`)}</span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted small">–</p>
          )}
          {detail.photoIds.length ? (
            <>
              <h4>{t("detail.photos")}</h4>
              <p>
                {detail.photoIds.map((id) => (
                  <a key={id} href={`/api/v1/photos/${id}`} target="_blank" rel="noreferrer">
                    📷{" "}
                  </a>
                ))}
              </p>
            </>
          ) : null}
          {/* The TPS's supervision report (Form A), to open and print (decision 048). */}
          <p>
            <a className="button" href={`/laporan/${encodeURIComponent(code)}`} data-testid="tps-detail-report">
              {t("nav.supervisionReport")}
            </a>
          </p>
        </>
      ) : null}
    </section>
  );
}

/** Every phase's checklist of the TPS: the answers with their time, a phase not answered on one line. */
function TpsChecklists({ checklists }: { checklists: TpsDetail["checklists"] }) {
  const t = useT(checklistMessages);
  const lang = useLang();
  return (
    <div data-testid="detail-checklists">
      <h4>{t("detail.checklists")}</h4>
      <ul className="detail-checklists">
        {checklists.map((p) => {
          const answered = p.items.filter((i) => i.answer);
          const latest = answered
            .map((i) => i.answer!.at)
            .sort()
            .at(-1);
          return (
            <li key={p.phase} data-testid={`detail-phase-${p.phase}`}>
              <strong>{t(`phase.${p.phase}`)}</strong>{" "}
              <span className="muted small">
                {latest ? t("detail.at", { time: formatTime(latest, lang) }) : t("detail.notAnswered")}
              </span>
              {answered.length ? (
                <ul className="small">
                  {answered.map((i) => {
                    const a = i.answer!;
                    const value =
                      a.ok !== null
                        ? t(a.ok ? "checklists.yes" : "checklists.no")
                        : a.number !== null
                          ? formatNumber(a.number, lang)
                          : a.text;
                    return (
                      <li key={i.code} className={a.ok === false ? "warning" : undefined}>
                        {i.label[lang]}: <strong>{value}</strong>
                        {a.note ? ` (${a.note})` : ""}
                      </li>
                    );
                  })}
                </ul>
              ) : null}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
