// The supervision report as lines of text per section, in the reader's language: what the server-made PDF
// prints (app/utils/forma-pdf.server.ts), section for section the same as the printed page
// (app/components/forma/report-sections.tsx).
import { formatDateTime, formatNumber, formatTime } from "./format";
import { combineMessages, translate, type Lang } from "./i18n";
import { checklistMessages } from "./messages/checklists";
import { formaMessages } from "./messages/forma";
import { incidentMessages } from "./messages/incidents";
import { tpsStatusMessages } from "./messages/tps-status";
import { regionLabel } from "./regions";
import { REPORT_SECTIONS, type ComposedReport, type ReportNotes, type ReportSection } from "./supervision-report";

export interface ReportLine {
  text: string;
  /** A heading inside the section. */
  bold?: boolean;
  indent?: number;
}

const messages = combineMessages(formaMessages, checklistMessages, incidentMessages, tpsStatusMessages);
type Key = keyof (typeof messages)["id"];

export function reportText(
  report: ComposedReport,
  notes: ReportNotes,
  lang: Lang,
): { section: ReportSection; title: string; lines: ReportLine[] }[] {
  const t = (key: string, params?: Record<string, string | number>) => translate(lang, messages, key as Key, params);
  const time = (iso: string | null) => formatTime(iso, lang);
  const n = (x: number) => formatNumber(x, lang);
  const label = (l: { id: string; en: string }) => l[lang] || l.id;
  const none = { text: t("forma.none"), indent: 1 };
  const { identity, supervised, found, done, results } = report;

  const byStatus = (status: string) => t(`incident.status.${status}`);
  const sections: Record<ReportSection, ReportLine[]> = {
    identity: [
      { text: `${t("forma.tps")}: ${identity.code}` },
      { text: `${t("forma.address")}: ${identity.address}` },
      { text: `${t("forma.kelurahan")}: ${regionLabel(identity.kelurahan.kind, identity.kelurahan.name)}` },
      { text: `${t("forma.kecamatan")}: ${regionLabel("kecamatan", identity.kecamatan.name)}` },
      { text: `${t("forma.city")}: ${identity.city ? regionLabel(identity.city.kind, identity.city.name) : "-"}` },
      {
        text: `${t("forma.officer")}: ${identity.officer ? `${identity.officer.name} (${identity.officer.login})` : t("forma.noOfficer")}`,
      },
      { text: t("forma.voters", { dpt: n(identity.dpt), dptb: n(identity.dptb), dpk: n(identity.dpk) }) },
    ],
    supervised: [
      { text: t("forma.checkin"), bold: true },
      supervised.checkin
        ? {
            text: [
              t("forma.checkinAt", { time: time(supervised.checkin.at) }),
              supervised.checkin.distanceM != null
                ? t("forma.checkinDistance", { m: n(Math.round(supervised.checkin.distanceM)) })
                : null,
              supervised.checkin.note,
            ]
              .filter(Boolean)
              .join(" · "),
            indent: 1,
          }
        : { text: t("forma.checkinNone"), indent: 1 },
      ...supervised.phases.flatMap((p) => [
        {
          text: `${t(`phase.${p.phase}`)} (${t("forma.phaseDue", { time: p.due })} · ${
            p.answeredAt ? t("forma.phaseAnswered", { time: time(p.answeredAt) }) : t("forma.phaseNotAnswered")
          })`,
          bold: true,
        },
        ...(p.answeredAt
          ? p.items.map((i) => ({
              text: `${label(i.label)}: ${
                i.answer === "yes" ? t("forma.yes") : i.answer === "no" ? t("forma.no") : (i.answer ?? "-")
              }${i.note ? ` (${i.note})` : ""}`,
              indent: 1,
            }))
          : []),
      ]),
    ],
    found: [
      { text: t("forma.incidents"), bold: true },
      ...(found.incidents.length
        ? found.incidents.map((i) => ({
            text: `${time(i.occurredAt)} · ${label(i.category)} · ${t(`incident.severity.${i.severity}`)} · ${byStatus(i.status)}: ${i.description}`,
            indent: 1,
          }))
        : [none]),
      { text: t("forma.checklistProblems"), bold: true },
      ...(found.checklistProblems.length
        ? found.checklistProblems.map((p) => ({
            text: `${t(`phase.${p.phase}`)}: ${label(p.label)} - ${t("forma.no")}${p.note ? ` (${p.note})` : ""}${
              p.counted ? ` · ${t("forma.counted")}` : ""
            }`,
            indent: 1,
          }))
        : [none]),
      { text: t("forma.inconsistencies"), bold: true },
      ...(found.inconsistencies.length
        ? found.inconsistencies.map((w) => ({
            text: `${w.contestName}: ${w.message} (${t(`forma.tier.${w.tier === "inconsistent" ? "inconsistent" : "unusual"}`)})`,
            indent: 1,
          }))
        : [none]),
    ],
    done: [
      { text: t("forma.actions"), bold: true },
      ...(done.actions.length
        ? done.actions.map((a) => ({
            text: `${time(a.at)} · ${label(a.category)}: ${byStatus(a.toStatus)}${a.actor ? ` ${t("forma.by", { name: a.actor })}` : ""}${a.note ? ` - ${a.note}` : ""}`,
            indent: 1,
          }))
        : [none]),
      { text: t("forma.outcomes"), bold: true },
      ...(done.outcomes.length
        ? done.outcomes.map((o) => ({ text: `${label(o.category)}: ${byStatus(o.status)}`, indent: 1 }))
        : [none]),
    ],
    results: results.length
      ? results.flatMap((r) => [
          { text: r.contestName, bold: true },
          {
            text: `${t("forma.sentAt", { time: time(r.receivedAt), revision: n(r.revision), source: r.source })} · ${t(
              "forma.resultStatus",
              { status: t(`status.${r.status}`) },
            )}`,
            indent: 1,
          },
          ...r.choices.map((c) => ({
            text: `${c.number}. ${c.name}: ${c.votes == null ? "-" : n(c.votes)}`,
            indent: 1,
          })),
          { text: `${t("forma.valid")}: ${n(r.valid)} · ${t("forma.invalid")}: ${n(r.invalid)}`, indent: 1 },
          {
            text: `${t("forma.photos", { count: n(r.photos.length) })}: ${
              r.photos.length
                ? r.photos.map((p, i) => t("forma.photoAt", { n: i + 1, time: time(p.receivedAt) })).join("; ")
                : t("forma.noPhotos")
            }`,
            indent: 1,
          },
        ])
      : [{ text: t("forma.noResults") }],
  };
  return REPORT_SECTIONS.map((section) => ({
    section,
    title: t(`forma.section.${section}`),
    lines: [
      ...sections[section],
      ...(notes[section]
        ? [
            { text: t("forma.notes"), bold: true },
            { text: notes[section]!, indent: 1 },
          ]
        : []),
    ],
  }));
}

/** The words of the PDF's frame, in the reader's language. */
export function pdfWords(lang: Lang) {
  const t = (key: Key, params?: Record<string, string | number>) => translate(lang, messages, key, params);
  return {
    heading: t("forma.heading"),
    subheading: (tps: string) => t("forma.subheading", { tps }),
    page: (page: number, pages: number) => t("forma.page", { page, pages }),
    signOfficer: t("forma.signOfficer"),
    signReceiver: t("forma.signReceiver"),
    version: (version: number, at: string, name: string) =>
      t("forma.version", { version, time: formatDateTime(at, lang), name }),
    cover: (area: string) => t("forma.pdfCover", { area }),
    count: (count: number, at: string) => t("forma.pdfCount", { count, time: formatDateTime(at, lang) }),
    missing: (list: string) => t("forma.pdfMissing", { list }),
    none: t("forma.pdfNone"),
  };
}
