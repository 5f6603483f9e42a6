// Election settings edited on the admin screens (/admin/pengaturan). Each key has a zod schema and a
// default, so a fresh database works without any row in `settings`. Shared by the browser and the server.
import { z } from "zod";
import { ChecklistSetting, DEFAULT_CHECKLISTS } from "./checklists";
import { DAY_BASES, ISO_DATE } from "./deadlines";
import { INCIDENT_CATEGORIES } from "./incidents";
import { clockTime as time, string, wholeNumber } from "./schemas/atoms";

const text = (max: number) => string().trim().min(1).max(max);
const phone = string()
  .trim()
  .regex(/^\+?[0-9 ()-]{3,20}$/);

export const SETTINGS = {
  /** Election-day times (local time of the region) and when a TPS counts as stale. */
  "election.times": z.object({
    opening: time,
    closing: time,
    staleAfterMinutes: wholeNumber(5, 24 * 60),
  }),
  /** What the public page shows. */
  public: z.object({
    title: text(120),
    showResults: z.boolean(),
    showProjection: z.boolean(),
    showIncidents: z.boolean(),
    reportsEnabled: z.boolean(),
  }),
  /** The SMS gateway's number officers send QC and INC messages to (app/lib/sms.ts); in the pocket guide. */
  sms: z.object({ number: phone.nullable() }),
  /** Emergency contacts shown to officers (tap to call). */
  contacts: z
    .array(
      z.object({
        name: text(100),
        role: string().trim().max(100),
        phone,
      }),
    )
    .max(50),
  /** The officers' checklists per phase of the day (app/lib/checklists.ts). */
  checklist: ChecklistSetting,
  /** Incident categories: codes are stored on incidents, labels shown; inactive ones cannot be chosen any more. */
  "incident.categories": z
    .array(
      z.object({
        code: string().regex(/^[a-z0-9_]{1,40}$/),
        id: text(80),
        en: text(80),
        active: z.boolean(),
      }),
    )
    .min(1)
    .max(60)
    .refine((list) => new Set(list.map((c) => c.code)).size === list.length, { message: "duplicate code" }),
  /** The command post's alerts (app/lib/incident-alerts.ts): an unhandled critical incident escalates (stronger
   *  style, repeated sound) once it has waited this long. Seconds, so a drill can use a short time. */
  "incident.alerts": z.object({ escalateAfterSeconds: wholeNumber(10, 4 * 60 * 60) }),
  /** What printed papers carry (recap, credential letters, handover sheet): the letterhead, the place the
   *  signature block names, the posko's phone (else the first emergency contact's), who signs. */
  papers: z.object({
    letterhead: text(200),
    place: text(80),
    poskoPhone: phone.nullable(),
    signers: z.array(z.object({ role: text(100), name: string().trim().max(100) })).max(4),
  }),
  /** The supervisory body's legal deadlines in days (app/lib/deadlines.ts, SPEC section 9). Which days count
   *  (calendar or working days, skipping the holidays listed) follows the law in force for the election, so
   *  violation cases and process disputes each have their basis. */
  deadlines: z.object({
    holidays: z.array(string().regex(ISO_DATE, "YYYY-MM-DD")).max(200),
    dueSoonDays: wholeNumber(0, 7),
    cases: z.object({
      basis: z.enum(DAY_BASES),
      reportWithinDays: wholeNumber(1, 60),
      initialReviewDays: wholeNumber(1, 30),
      handlingDays: wholeNumber(1, 60),
      handlingExtendedDays: wholeNumber(1, 90),
      /** Days a reporter has to complete an incomplete laporan (absent in settings saved before it). */
      completionDays: wholeNumber(1, 30).default(3),
    }),
    disputes: z.object({
      basis: z.enum(DAY_BASES),
      filingDays: wholeNumber(1, 30),
      completionDays: wholeNumber(1, 30),
      mediationDays: wholeNumber(1, 30),
      decisionDays: wholeNumber(1, 60),
    }),
  }),
  /** The projection's current sample draw (written by the draw, not by a form). */
  "projection.sample": z
    .object({ seed: z.number().int(), margin: z.number().nullable(), size: z.number().int(), drawnAt: string() })
    .nullable(),
} as const;

export type SettingKey = keyof typeof SETTINGS;
export type SettingValue<K extends SettingKey> = z.infer<(typeof SETTINGS)[K]>;

export const DEFAULT_SETTINGS: { [K in SettingKey]: SettingValue<K> } = {
  "election.times": { opening: "07:00", closing: "13:00", staleAfterMinutes: 60 },
  public: {
    title: "Hasil hitung cepat sementara",
    showResults: true,
    showProjection: true,
    showIncidents: true,
    reportsEnabled: true,
  },
  sms: { number: null },
  papers: {
    letterhead: "Posko Pemantauan Pemilihan",
    place: "Lubuklinggau",
    poskoPhone: null,
    signers: [
      { role: "Operator posko", name: "" },
      { role: "Koordinator posko", name: "" },
    ],
  },
  contacts: [
    { name: "Posko Pemilu Kota", role: "Posko", phone: "0733-000000" },
    { name: "Polres", role: "Keamanan", phone: "110" },
  ],
  checklist: DEFAULT_CHECKLISTS,
  "incident.categories": INCIDENT_CATEGORIES.map((c) => ({ code: c.code, id: c.id, en: c.en, active: true })),
  "incident.alerts": { escalateAfterSeconds: 5 * 60 },
  deadlines: {
    holidays: [],
    dueSoonDays: 1,
    // Report within 7 days of becoming known, initial review in 2, handling in 7 after registration,
    // extendable once to 14 (UU 7/2017 art. 454; Perbawaslu 7/2022).
    cases: {
      basis: "calendar",
      reportWithinDays: 7,
      initialReviewDays: 2,
      handlingDays: 7,
      handlingExtendedDays: 14,
      completionDays: 3,
    },
    // A petition within 3 working days of the KPU's decision, 3 days to complete it, 2 of mediation, a decision
    // within 12 days of registration (UU 7/2017 art. 466-469).
    disputes: { basis: "working", filingDays: 3, completionDays: 3, mediationDays: 2, decisionDays: 12 },
  },
  "projection.sample": null,
};

/** Lines of "a | b | c" for the list settings' text areas, and back. */
export const toLines = (rows: string[][]) => rows.map((r) => r.join(" | ")).join("\n");
export const fromLines = (text: string) =>
  text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .slice(0, 100)
    .map((l) => l.split("|").map((c) => c.trim()));
