// The TPS supervision report (Form A, laporan hasil pengawasan; decision 048): what the officer's day becomes
// on paper. Pure and shared: the server composes it from the database when a report arrives (and for the
// command post's paper), the officer's phone composes the same thing from the page it last fetched plus
// what its outbox still holds, so the review works without signal. Words are not here: the content keeps
// codes and both languages' labels, and the screens and the PDF word it in the reader's language.
import type { ChecklistPhase, ChecklistPhaseCode } from "./checklists";
import type { OutboxItem } from "./outbox";

/** The sections of the report in their printed order; each has a free-text note of the officer's. */
export const REPORT_SECTIONS = ["identity", "supervised", "found", "done", "results"] as const;
export type ReportSection = (typeof REPORT_SECTIONS)[number];

/** The longest note per section: a paragraph or two on paper, what a phone keyboard writes in a few minutes. */
export const MAX_NOTE_CHARS = 1500;

// The officer's notes and the submission's body: app/lib/schemas/forma.ts (the one home of schemas).
export type { ReportNotes, SupervisionReportBody } from "./schemas/forma";

export interface Bilingual {
  id: string;
  en: string;
}

/** The officer's day as read from the database (or held by the phone): the input of `composeReport`. */
export interface ReportDay {
  tps: {
    code: string;
    address: string;
    kelurahan: { code: string; name: string; kind: string };
    kecamatan: { code: string; name: string };
    city: { code: string; name: string; kind: string } | null;
    dpt: number;
    dptb: number;
    dpk: number;
  };
  officer: { name: string; login: string } | null;
  checkin: { at: string; distanceM: number | null; note: string | null; pending?: boolean } | null;
  phases: ChecklistPhase[];
  answers: {
    phase: ChecklistPhaseCode;
    item: string;
    ok: boolean | null;
    number: number | null;
    text: string | null;
    note: string | null;
    at: string;
    pending?: boolean;
  }[];
  categories: ({ code: string } & Bilingual)[];
  incidents: {
    id: string;
    category: string;
    severity: string;
    status: string;
    description: string;
    occurredAt: string;
    steps: { action: string; toStatus: string; at: string; note: string | null; actor: string | null }[];
    pending?: boolean;
  }[];
  results: {
    contest: string;
    contestName: string;
    status: string;
    completeness: string | null;
    revision: number;
    source: string;
    receivedAt: string;
    votes: Record<string, unknown>;
    invalid: number;
    choices: { number: number; name: string }[];
    warnings: { field: string; code: string; tier?: string; message: string }[];
    photos: { id: string; receivedAt: string }[];
    pending?: boolean;
  }[];
}

export interface ComposedReport {
  identity: ReportDay["tps"] & { officer: ReportDay["officer"] };
  supervised: {
    checkin: ReportDay["checkin"];
    phases: {
      phase: ChecklistPhaseCode;
      due: string;
      answeredAt: string | null;
      pending: boolean;
      items: {
        code: string;
        label: Bilingual;
        kind: string;
        answer: string | null;
        ok: boolean | null;
        note: string | null;
      }[];
    }[];
  };
  found: {
    incidents: {
      id: string;
      category: Bilingual;
      severity: string;
      status: string;
      description: string;
      occurredAt: string;
      pending: boolean;
    }[];
    /** "No" answers to checklist items, the command post's problems first. */
    checklistProblems: { phase: ChecklistPhaseCode; label: Bilingual; note: string | null; counted: boolean }[];
    /** What the result form's own arithmetic or plausibility rules found on a ballot (the officer confirmed it). */
    inconsistencies: { contest: string; contestName: string; tier: string; code: string; message: string }[];
  };
  done: {
    actions: {
      incidentId: string;
      category: Bilingual;
      at: string;
      action: string;
      toStatus: string;
      note: string | null;
      actor: string | null;
    }[];
    /** Where each incident ended up: its status now. */
    outcomes: { incidentId: string; category: Bilingual; status: string }[];
  };
  results: {
    contest: string;
    contestName: string;
    status: string;
    completeness: string | null;
    revision: number;
    source: string;
    receivedAt: string;
    choices: { number: number; name: string; votes: number | null }[];
    invalid: number;
    valid: number;
    photos: { id: string; receivedAt: string }[];
    pending: boolean;
  }[];
}

/** A choice's votes from a stored result: a number (executive, DPD) or a party's total ({party, candidates}). */
function votesOf(value: unknown): number | null {
  if (typeof value === "number") return value;
  if (value && typeof value === "object") {
    const v = value as { party?: unknown; candidates?: Record<string, unknown> };
    const party = typeof v.party === "number" ? v.party : 0;
    const candidates = Object.values(v.candidates ?? {}).reduce<number>(
      (sum, n) => sum + (typeof n === "number" ? n : 0),
      0,
    );
    return party + candidates;
  }
  return null;
}

function answerText(a: ReportDay["answers"][number]): string | null {
  if (a.ok !== null) return a.ok ? "yes" : "no";
  if (a.number !== null) return String(a.number);
  return a.text;
}

/** The report's content from the day: every section, from the same facts the command post sees. */
export function composeReport(day: ReportDay): ComposedReport {
  const category = (code: string): Bilingual => {
    const c = day.categories.find((x) => x.code === code);
    return c ? { id: c.id, en: c.en } : { id: code, en: code };
  };
  const phases = day.phases
    .filter((p) => p.items.length > 0)
    .map((p) => {
      const answers = day.answers.filter((a) => a.phase === p.phase);
      const byItem = new Map(answers.map((a) => [a.item, a]));
      const answeredAt = answers.length ? answers.map((a) => a.at).sort()[answers.length - 1] : null;
      return {
        phase: p.phase,
        due: p.due,
        answeredAt,
        pending: answers.some((a) => a.pending),
        items: p.items.map((i) => {
          const a = byItem.get(i.code);
          return {
            code: i.code,
            label: { id: i.id, en: i.en },
            kind: i.kind,
            answer: a ? answerText(a) : null,
            ok: a?.ok ?? null,
            note: a?.note ?? null,
          };
        }),
      };
    });
  const checklistProblems = day.phases.flatMap((p) =>
    p.items
      .map((i) => ({ item: i, answer: day.answers.find((a) => a.phase === p.phase && a.item === i.code) }))
      .filter(({ answer }) => answer?.ok === false)
      .map(({ item, answer }) => ({
        phase: p.phase,
        label: { id: item.id, en: item.en },
        note: answer!.note,
        counted: !!item.problem,
      })),
  );
  const incidents = [...day.incidents].sort((a, b) => a.occurredAt.localeCompare(b.occurredAt));
  return {
    identity: { ...day.tps, officer: day.officer },
    supervised: { checkin: day.checkin, phases },
    found: {
      incidents: incidents.map((i) => ({
        id: i.id,
        category: category(i.category),
        severity: i.severity,
        status: i.status,
        description: i.description,
        occurredAt: i.occurredAt,
        pending: !!i.pending,
      })),
      checklistProblems: [
        ...checklistProblems.filter((p) => p.counted),
        ...checklistProblems.filter((p) => !p.counted),
      ],
      inconsistencies: day.results.flatMap((r) =>
        r.warnings.map((w) => ({
          contest: r.contest,
          contestName: r.contestName,
          tier: w.tier ?? "unusual",
          code: w.code,
          message: w.message,
        })),
      ),
    },
    done: {
      actions: incidents.flatMap((i) =>
        i.steps
          .filter((s) => s.action !== "create")
          .map((s) => ({
            incidentId: i.id,
            category: category(i.category),
            at: s.at,
            action: s.action,
            toStatus: s.toStatus,
            note: s.note,
            actor: s.actor,
          })),
      ),
      outcomes: incidents.map((i) => ({ incidentId: i.id, category: category(i.category), status: i.status })),
    },
    results: day.results.map((r) => {
      const choices = r.choices.map((c) => ({ ...c, votes: votesOf(r.votes[String(c.number)]) }));
      return {
        contest: r.contest,
        contestName: r.contestName,
        status: r.status,
        completeness: r.completeness,
        revision: r.revision,
        source: r.source,
        receivedAt: r.receivedAt,
        choices,
        invalid: r.invalid,
        valid: choices.reduce((sum, c) => sum + (c.votes ?? 0), 0),
        photos: r.photos,
        pending: !!r.pending,
      };
    }),
  };
}

type Body = Record<string, unknown>;
const str = (v: unknown) => (typeof v === "string" ? v : null);
const num = (v: unknown) => (typeof v === "number" ? v : null);

/**
 * The day as the phone holds it: the last fetched day with what the outbox still has to send laid over it
 * (marked pending), so the officer reviews the report without signal and sees what is not in yet. Only the
 * officer's own items that were not refused count.
 */
export function withPending(day: ReportDay, items: OutboxItem[], account: number | null): ReportDay {
  const mine = items.filter((i) => i.state === "pending" && (i.account === null || i.account === account));
  const out: ReportDay = {
    ...day,
    answers: [...day.answers],
    incidents: [...day.incidents],
    results: [...day.results],
  };
  for (const item of mine.sort((a, b) => a.createdAt - b.createdAt)) {
    const body = (item.body ?? {}) as Body;
    if (item.kind === "checkin") {
      out.checkin = {
        at: str(body.capturedAt) ?? new Date(item.createdAt).toISOString(),
        distanceM: null,
        note: str(body.note),
        pending: true,
      };
    } else if (item.kind === "checklist") {
      const phase = (str(body.phase) ?? "pembukaan") as ChecklistPhaseCode;
      const at = str(body.capturedAt) ?? new Date(item.createdAt).toISOString();
      for (const a of Array.isArray(body.answers) ? (body.answers as Body[]) : []) {
        const code = str(a.item);
        if (!code) continue;
        const answer = {
          phase,
          item: code,
          ok: typeof a.ok === "boolean" ? a.ok : null,
          number: num(a.number),
          text: str(a.text),
          note: str(a.note),
          at,
          pending: true,
        };
        const at_ = out.answers.findIndex((x) => x.phase === phase && x.item === code);
        if (at_ >= 0) out.answers[at_] = answer;
        else out.answers.push(answer);
      }
    } else if (item.kind === "incident") {
      const id = str(body.id) ?? item.id;
      if (out.incidents.some((i) => i.id === id)) continue;
      out.incidents.push({
        id,
        category: str(body.category) ?? "",
        severity: str(body.severity) ?? "medium",
        status: "new",
        description: str(body.description) ?? "",
        occurredAt: str(body.occurredAt) ?? new Date(item.createdAt).toISOString(),
        steps: [],
        pending: true,
      });
    } else if (item.kind === "quick-count") {
      const contest = str(body.contest);
      const known = out.results.find((r) => r.contest === contest);
      const votes = (body.votes && typeof body.votes === "object" ? body.votes : {}) as Record<string, unknown>;
      const choices = known?.choices ?? Object.keys(votes).map((k) => ({ number: Number(k), name: k }));
      const pending = {
        contest: contest ?? "",
        contestName: known?.contestName ?? item.label,
        status: "pending",
        completeness: body.form ? "complete" : "quick",
        revision: (known?.revision ?? 0) + 1,
        source: "app",
        receivedAt: str(body.capturedAt) ?? new Date(item.createdAt).toISOString(),
        votes,
        invalid: num(body.invalid) ?? 0,
        choices,
        warnings: known?.warnings ?? [],
        photos: known?.photos ?? [],
        pending: true,
      };
      if (known) out.results[out.results.indexOf(known)] = pending;
      else out.results.push(pending);
    }
  }
  return out;
}

/** Where a report stands for the officer and the command post. */
export type ReportState = "none" | "submitted" | "accepted";

/** What the staff archive lists: submitted reports, C.Hasil photos, documents of the documents store. */
export const ARCHIVE_KINDS = ["report", "photo", "document"] as const;
export type ArchiveKind = (typeof ARCHIVE_KINDS)[number];
export const ARCHIVE_PAGE_SIZE = 25;
