// The officers' checklists, one per phase of election day: when each is due (the election's clock), its items
// (yes/no, a number, a short text) in both languages, and which "no" is a problem the command post counts per
// area ("12 TPS buka terlambat"). The admin edits them in the `checklist` setting; a setting saved before
// phases existed (a plain list of opening items) still reads, as the opening phase's items. Shared by the
// browser (the officer's reminders work offline from what the page holds) and the server.
import { z } from "zod";
import type { Lang } from "./i18n";
import { localTime } from "./officer-next-step";
import { clockTime, SLUG, string } from "./schemas/atoms";

/** The phases of the day in their order; the codes are stored with the answers. */
export const CHECKLIST_PHASES = [
  "persiapan",
  "pembukaan",
  "pemungutan",
  "jam_dpk",
  "penutupan",
  "penghitungan",
  "penyerahan",
] as const;
export type ChecklistPhaseCode = (typeof CHECKLIST_PHASES)[number];
/** The phase the version-1 API (a body without `phase`) answers: the opening checklist. */
export const OPENING_PHASE: ChecklistPhaseCode = "pembukaan";

export const CHECKLIST_ITEM_KINDS = ["yesno", "number", "text"] as const;
export type ChecklistItemKind = (typeof CHECKLIST_ITEM_KINDS)[number];

/** The most items one phase holds, and the largest number an officer can answer. */
export const MAX_PHASE_ITEMS = 30;
export const MAX_CHECKLIST_NUMBER = 100_000;
export const MAX_CHECKLIST_TEXT = 200;

const label = (max: number) => string().trim().min(1).max(max);
const bilingual = (max: number) => z.object({ id: label(max), en: label(max) });

export const ChecklistItem = z
  .object({
    code: string().regex(SLUG),
    kind: z.enum(CHECKLIST_ITEM_KINDS),
    id: label(200),
    en: label(200),
    /** For a yes/no item: what a "no" means, counted per area ("buka terlambat"); null: not counted. */
    problem: bilingual(80).nullable(),
  })
  .refine((i) => i.kind === "yesno" || i.problem === null, { message: "problem_needs_yesno", path: ["problem"] });
export type ChecklistItem = z.infer<typeof ChecklistItem>;

export const ChecklistPhase = z.object({
  phase: z.enum(CHECKLIST_PHASES),
  /** When it is due, election-day local time. */
  due: clockTime,
  items: z
    .array(ChecklistItem)
    .max(MAX_PHASE_ITEMS)
    .refine((items) => new Set(items.map((i) => i.code)).size === items.length, { message: "duplicate code" }),
});
export type ChecklistPhase = z.infer<typeof ChecklistPhase>;

export const ChecklistConfig = z.object({
  phases: z
    .array(ChecklistPhase)
    .max(CHECKLIST_PHASES.length)
    .refine((phases) => new Set(phases.map((p) => p.phase)).size === phases.length, { message: "duplicate code" }),
});
export type ChecklistConfig = z.infer<typeof ChecklistConfig>;

/**
 * The `checklist` setting's schema: the phases. A list saved before phases (`[{ id, text }]`, the opening
 * checklist's items) is read as the default phases with those items as the opening phase's.
 */
export const ChecklistSetting = z.preprocess(
  (value) => (Array.isArray(value) ? { phases: legacyPhases(value) } : value),
  ChecklistConfig,
);
export type ChecklistSetting = z.infer<typeof ChecklistSetting>;

function legacyPhases(items: unknown[]) {
  const opening = items.map((i) => {
    const { id, text } = (i ?? {}) as { id?: unknown; text?: unknown };
    return { code: id, kind: "yesno", id: text, en: text, problem: null };
  });
  return DEFAULT_CHECKLISTS.phases.map((p) => (p.phase === OPENING_PHASE ? { ...p, items: opening } : p));
}

const yesno = (code: string, id: string, en: string, problem?: [string, string]): ChecklistItem => ({
  code,
  kind: "yesno",
  id,
  en,
  problem: problem ? { id: problem[0], en: problem[1] } : null,
});
const count = (code: string, id: string, en: string): ChecklistItem => ({
  code,
  kind: "number",
  id,
  en,
  problem: null,
});
const note = (code: string, id: string, en: string): ChecklistItem => ({ code, kind: "text", id, en, problem: null });

/** A Pilkada day as the KPU's rules run it: opening at 07.00, DPK from 12.00, closing at 13.00. */
export const DEFAULT_CHECKLISTS: ChecklistConfig = {
  phases: [
    {
      phase: "persiapan",
      due: "06:00",
      items: [
        yesno("tps_ready", "Tempat dan perlengkapan TPS siap", "Polling station and equipment ready", [
          "TPS belum siap",
          "not ready",
        ]),
        count("witnesses", "Jumlah saksi yang hadir", "Witnesses present"),
      ],
    },
    {
      phase: "pembukaan",
      due: "07:00",
      items: [
        yesno("on_time", "TPS dibuka tepat waktu (07.00)", "Opened on time (07:00)", ["buka terlambat", "opened late"]),
        yesno("kpps_complete", "Anggota KPPS lengkap (7 orang)", "KPPS complete (7 members)", [
          "KPPS tidak lengkap",
          "KPPS incomplete",
        ]),
        yesno("ballot_box", "Kotak suara tersegel dan kosong", "Ballot boxes sealed and empty", [
          "kotak suara bermasalah",
          "ballot box problem",
        ]),
        yesno("ballots", "Jumlah surat suara sesuai DPT + 2%", "Ballots match the voter list + 2%", [
          "surat suara kurang",
          "ballots short",
        ]),
        yesno("booth", "Bilik suara dan tinta tersedia", "Booths and ink available", [
          "logistik kurang",
          "logistics short",
        ]),
        yesno("dpt_posted", "Salinan DPT ditempel", "Voter list posted"),
      ],
    },
    {
      phase: "pemungutan",
      due: "10:00",
      items: [
        yesno("voting_smooth", "Pemungutan suara berjalan lancar", "Voting runs smoothly", [
          "pemungutan terganggu",
          "voting disrupted",
        ]),
        yesno("access", "Akses pemilih disabilitas tersedia", "Access for voters with disabilities", [
          "akses disabilitas kurang",
          "poor disabled access",
        ]),
        count("voted_so_far", "Pemilih yang sudah mencoblos", "Voters so far"),
      ],
    },
    {
      phase: "jam_dpk",
      due: "12:00",
      items: [
        yesno("dpk_served", "Pemilih DPK dilayani mulai 12.00", "Special voters (DPK) served from 12:00", [
          "DPK tidak dilayani",
          "DPK not served",
        ]),
        count("dpk_voters", "Pemilih DPK yang datang", "DPK voters who came"),
      ],
    },
    {
      phase: "penutupan",
      due: "13:00",
      items: [
        yesno("closed_on_time", "TPS ditutup pukul 13.00", "Closed at 13:00", ["tutup tidak tepat", "closed off time"]),
        yesno("queue_served", "Antrean pukul 13.00 tetap dilayani", "The 13:00 queue was served", [
          "antrean tidak dilayani",
          "queue not served",
        ]),
        count("unused_ballots", "Surat suara tidak terpakai", "Unused ballots"),
      ],
    },
    {
      phase: "penghitungan",
      due: "14:00",
      items: [
        yesno("count_open", "Penghitungan terbuka dan disaksikan", "Count held openly, witnessed", [
          "penghitungan tertutup",
          "count not open",
        ]),
        yesno("c_hasil_posted", "C.Hasil ditempel untuk umum", "C.Hasil posted publicly", [
          "C.Hasil tidak ditempel",
          "C.Hasil not posted",
        ]),
        note("objections", "Keberatan saksi (jika ada)", "Witness objections (if any)"),
      ],
    },
    {
      phase: "penyerahan",
      due: "17:00",
      items: [
        yesno("box_sealed", "Kotak suara disegel kembali", "Ballot box resealed", [
          "kotak tidak disegel",
          "box not resealed",
        ]),
        yesno("handed_over", "Kotak dan C.Hasil diserahkan ke PPS", "Box and C.Hasil handed to the PPS", [
          "belum diserahkan",
          "not handed over",
        ]),
        note("received_by", "Diterima oleh (nama petugas PPS)", "Received by (PPS officer's name)"),
      ],
    },
  ],
};

/** The phases of the setting in the day's order. */
export function checklistPhases(setting: ChecklistConfig): ChecklistPhase[] {
  return [...setting.phases].sort((a, b) => CHECKLIST_PHASES.indexOf(a.phase) - CHECKLIST_PHASES.indexOf(b.phase));
}

/** How many TPS the command post lists behind a count (GET /api/v1/checklists/flagged); the count says the rest. */
export const FLAGGED_SHOWN = 50;

/** An item's or a problem's words in a language. */
export const labelIn = (words: { id: string; en: string }, lang: Lang) => words[lang];

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

export interface PhaseDue {
  phase: ChecklistPhaseCode;
  due: string;
  /** Minutes past its time (current phase) or until it (next phase). */
  minutes: number;
  answered: boolean;
}

/**
 * Which phase is due at `now` (the election's clock) and which comes next: the current one is the last
 * whose time has come (overdue while unanswered), the next the first still ahead; `missed` the earlier ones
 * never answered. Phases without items are not asked.
 */
export function checklistSchedule(
  phases: ChecklistPhase[],
  now: Date,
  answered: ReadonlySet<string>,
): { current: PhaseDue | null; next: PhaseDue | null; missed: ChecklistPhaseCode[] } {
  const clock = minutesOf(localTime(now));
  const asked = phases.filter((p) => p.items.length > 0).sort((a, b) => minutesOf(a.due) - minutesOf(b.due));
  const past = asked.filter((p) => minutesOf(p.due) <= clock);
  const ahead = asked.find((p) => minutesOf(p.due) > clock);
  const last = past.at(-1);
  return {
    current: last
      ? { phase: last.phase, due: last.due, minutes: clock - minutesOf(last.due), answered: answered.has(last.phase) }
      : null,
    next: ahead
      ? {
          phase: ahead.phase,
          due: ahead.due,
          minutes: minutesOf(ahead.due) - clock,
          answered: answered.has(ahead.phase),
        }
      : null,
    missed: past
      .slice(0, -1)
      .filter((p) => !answered.has(p.phase))
      .map((p) => p.phase),
  };
}

/** One phase of the command post's summary of an area: TPS that answered, and the TPS per problem item. */
export interface PhaseSummary {
  phase: ChecklistPhaseCode;
  due: string;
  answered: number;
  problems: { item: string; problem: { id: string; en: string }; tps: number }[];
}

/** The command post's checklists of an area (null: the whole election): its TPS and each asked phase. */
export interface ChecklistAreaSummary {
  area: string | null;
  tps: number;
  phases: PhaseSummary[];
}

/**
 * The summary of an area from its counts: every asked phase in order, each problem item (a "no" the admin
 * marked as one) with its count, the largest first; a "no" to an item not marked is not a problem.
 */
export function summariseChecklists(
  phases: ChecklistPhase[],
  counts: {
    answered: { phase: string; tps: number }[];
    flagged: { phase: string; itemCode: string; tps: number }[];
  },
): PhaseSummary[] {
  return phases
    .filter((p) => p.items.length > 0)
    .map((p) => ({
      phase: p.phase,
      due: p.due,
      answered: counts.answered.find((a) => a.phase === p.phase)?.tps ?? 0,
      problems: p.items
        .filter((i) => i.problem !== null)
        .map((i) => ({
          item: i.code,
          problem: i.problem!,
          tps: counts.flagged.find((f) => f.phase === p.phase && f.itemCode === i.code)?.tps ?? 0,
        }))
        .sort((a, b) => b.tps - a.tps),
    }));
}

/** How the admin's lines name a kind of item (Indonesian first; the codes are read too). */
const KIND_WORDS: Record<ChecklistItemKind, string> = { yesno: "ya-tidak", number: "angka", text: "teks" };
const kindOfWord = (word: string): string => {
  const w = word.trim().toLowerCase();
  return (Object.entries(KIND_WORDS).find(([kind, id]) => w === id || w === kind)?.[0] ?? w) as string;
};

/** A phase's items as the admin's lines ("code | kind | text id | text en | problem id | problem en"). */
export const itemsToRows = (items: ChecklistItem[]) =>
  items.map((i) => [i.code, KIND_WORDS[i.kind], i.id, i.en, ...(i.problem ? [i.problem.id, i.problem.en] : [])]);

/** The admin's rows back into items, unchecked (the setting's schema checks them); an empty problem is none. */
export const itemsFromRows = (rows: string[][]) =>
  rows.map(([code = "", kind = "", id = "", en = "", problemId = "", problemEn = ""]) => ({
    code,
    kind: kindOfWord(kind),
    id,
    en,
    problem: problemId || problemEn ? { id: problemId, en: problemEn } : null,
  }));

/** The phase an outbox item of kind "checklist" answers (a body without one is the opening checklist). */
export const phaseOfBody = (body: unknown): string =>
  (body as { phase?: string } | null | undefined)?.phase ?? OPENING_PHASE;

/** "25 menit", "1 jam 5 menit": a duration in whole minutes, as the reminder says it. */
export const durationParts = (
  minutes: number,
): { key: "duration.minutes" | "duration.hours"; params: Record<string, number> } =>
  minutes < 60
    ? { key: "duration.minutes" as const, params: { n: minutes } }
    : { key: "duration.hours" as const, params: { h: Math.floor(minutes / 60), m: minutes % 60 } };
