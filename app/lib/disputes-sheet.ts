// The register's columns, one definition for the CSV and the printed register (the screen shows the same
// fields): number, dates, parties, object, stage, outcome, running deadline. No representative's address or
// phone: those stay on the petition's own page.
import type { DeadlineState } from "./deadlines";
import { lastDay } from "./deadlines";
import { formatDate, formatDateTime, fromElectionWallClock } from "./format";
import { translate, type Lang } from "./i18n";
import { disputeMessages } from "./messages/disputes";
import { regionLabel } from "./regions";

type Key = Parameters<typeof translate<keyof (typeof disputeMessages)["id"]>>[2];
const t = (lang: Lang, key: Key, params?: Record<string, string>) => translate(lang, disputeMessages, key, params);

/** What a register row needs (a DisputeRow with its deadline). */
export interface SheetRow {
  registerNumber: string | null;
  filedAt: string;
  registeredAt: string | null;
  applicantName: string;
  applicantKind: string;
  repName: string;
  respondent: string;
  regionCode: string;
  regionName: string;
  regionKind: string | null;
  relatedParties: string[];
  decisionNumber: string;
  decisionDate: string;
  decisionSubject: string;
  state: string;
  late: boolean;
  outcome: string | null;
  notAcceptedReason: string | null;
  deadline: { kind: string; due: string; state: DeadlineState } | null;
}

/** A KPU decision's date (a calendar date) as the reader writes it. */
export const decisionDay = (date: string, lang: Lang) =>
  formatDate(fromElectionWallClock(`${date}T12:00`)?.toISOString(), lang);

export const disputeHeader = (lang: Lang) => [
  t(lang, "dispute.col.number"),
  t(lang, "dispute.col.filed"),
  t(lang, "dispute.col.registered"),
  t(lang, "dispute.col.applicant"),
  t(lang, "dispute.col.respondent"),
  t(lang, "dispute.col.related"),
  t(lang, "dispute.col.object"),
  t(lang, "dispute.col.state"),
  t(lang, "dispute.col.outcome"),
  t(lang, "dispute.col.due"),
];

export const outcomeText = (r: Pick<SheetRow, "outcome" | "notAcceptedReason" | "state">, lang: Lang) =>
  r.outcome
    ? t(lang, `dispute.outcome.${r.outcome}` as Key)
    : r.notAcceptedReason
      ? t(lang, `dispute.reason.${r.notAcceptedReason}` as Key)
      : "";

export const deadlineText = (d: SheetRow["deadline"], lang: Lang) =>
  d
    ? `${t(lang, `dispute.deadline.${d.kind}` as Key)} ${lastDay(d.due, lang)} (${t(lang, `dispute.deadline.${d.state}` as Key)})`
    : "";

export function disputeCells(r: SheetRow, lang: Lang): string[] {
  return [
    r.registerNumber ?? t(lang, "dispute.notRegistered"),
    formatDateTime(r.filedAt, lang) + (r.late ? ` (${t(lang, "dispute.late")})` : ""),
    r.registeredAt ? formatDate(r.registeredAt, lang) : "",
    `${r.applicantName} (${t(lang, `dispute.kind.${r.applicantKind}` as Key)}; ${r.repName})`,
    `${r.respondent} (${regionLabel(r.regionKind, r.regionName)})`,
    r.relatedParties.join(", "),
    `${r.decisionNumber}, ${decisionDay(r.decisionDate, lang)}: ${r.decisionSubject}`,
    t(lang, `dispute.state.${r.state}` as Key),
    outcomeText(r, lang),
    deadlineText(r.deadline, lang),
  ];
}

/** The query string of the register's filters, for its CSV and its printed view. */
export const filterQuery = (asked: Record<string, string>) => {
  const s = new URLSearchParams(asked).toString();
  return s ? `?${s}` : "";
};
