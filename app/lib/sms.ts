// The SMS fallback format, for phones with signal but no data:
//   QC <tps-code> <contest> <votes per candidate...> <invalid> <pin> [ALASAN <reason...>]
//   INC <tps-code> <category> <severity> <text...> <pin>
// Separators may be spaces, '#', ',' or ';' (some phones make typing spaces awkward); keywords, contests,
// categories and severities are case-insensitive. A leading "EN" asks for English replies.
// This module only reads the text; the webhook checks the PIN, the TPS, the contest and the C1 rules.
import type { Lang } from "./i18n";
import { SEVERITIES, type Severity } from "./incidents";
import { TPS_CODE } from "./schemas";

export type SmsParse =
  | {
      ok: true;
      lang: Lang;
      kind: "QC";
      tpsCode: string;
      contest: string;
      numbers: number[];
      pin: string;
      justification: string | null;
    }
  | {
      ok: true;
      lang: Lang;
      kind: "INC";
      tpsCode: string;
      category: string;
      severity: string;
      text: string;
      pin: string;
    }
  | { ok: false; lang: Lang; code: SmsErrorCode; params?: Record<string, string | number> };

export type SmsErrorCode =
  "empty" | "unknown_keyword" | "bad_tps" | "too_short" | "bad_number" | "bad_pin_format" | "no_text";

/**
 * Indonesian words an INC message may use for a category, beside its code; the first is the one the pocket
 * guide teaches. One word each (the parser splits on spaces), so "politik uang" is written politik_uang.
 */
export const SMS_CATEGORY_WORDS: Readonly<Record<string, readonly string[]>> = {
  logistics: ["logistik"],
  voter_list: ["dpt", "pemilih"],
  intimidation: ["intimidasi", "ancaman"],
  vote_buying: ["politik_uang", "politikuang", "money"],
  violence: ["kekerasan", "keamanan"],
  procedure: ["prosedur"],
  weather: ["cuaca", "bencana"],
  other: ["lainnya", "lain"],
};
/** The Indonesian word for each severity; the English codes are accepted too. */
export const SMS_SEVERITY_WORDS: Readonly<Record<Severity, string>> = {
  low: "rendah",
  medium: "sedang",
  high: "tinggi",
  critical: "kritis",
};

/** The category an INC word names, among the categories currently accepted (`active` codes), or null. */
export function smsCategory(word: string, active: readonly string[]): string | null {
  const w = word.toLowerCase();
  if (active.includes(w)) return w;
  const code = Object.keys(SMS_CATEGORY_WORDS).find((c) => SMS_CATEGORY_WORDS[c].includes(w));
  return code && active.includes(code) ? code : null;
}

/** The severity an INC word names (code or Indonesian word), or null. */
export function smsSeverity(word: string): Severity | null {
  const w = word.toLowerCase();
  if ((SEVERITIES as readonly string[]).includes(w)) return w as Severity;
  return SEVERITIES.find((s) => SMS_SEVERITY_WORDS[s] === w) ?? null;
}

/** The words the pocket guide shows for a category: the Indonesian one(s) first, then the code. */
export const smsWordsFor = (code: string): string[] => [...(SMS_CATEGORY_WORDS[code] ?? []), code];

/** The PIN in the guide's examples: digits, so the example is a message the parser accepts. */
export const EXAMPLE_PIN = "123456";

/**
 * A quick count worth copying: numbers for every choice of the ballot (`choices` of them) and the invalid
 * ballots, for a turnout of about 60 % of the TPS's voters, spread so that no rule finds it unusual.
 */
export function exampleQuickCount({
  tpsCode,
  contest,
  choices,
  voters,
  reason,
}: {
  tpsCode: string;
  contest: string;
  choices: number;
  voters: number;
  reason?: string;
}): string {
  const total = Math.max(choices * 3, Math.round(voters * 0.6));
  const invalid = Math.max(1, Math.round(total * 0.03));
  const valid = total - invalid;
  const weights = Array.from({ length: choices }, (_, i) => choices + 1 - i);
  const sum = weights.reduce((a, b) => a + b, 0);
  const votes = weights.map((w) => Math.floor((valid * w) / sum));
  votes[0] += valid - votes.reduce((a, b) => a + b, 0);
  const text = ["QC", tpsCode, contest, ...votes, invalid, EXAMPLE_PIN].join(" ");
  return reason ? `${text} ALASAN ${reason}` : text;
}

export function exampleIncident({
  tpsCode,
  category,
  severity,
  text,
}: {
  tpsCode: string;
  category: string;
  severity: Severity;
  text: string;
}): string {
  return ["INC", tpsCode, smsWordsFor(category)[0], SMS_SEVERITY_WORDS[severity], text, EXAMPLE_PIN].join(" ");
}

export const SMS_FORMATS = {
  QC: "QC <kode-TPS> <pemilihan> <suara calon 1> <suara calon 2> ... <tidak sah> <PIN>",
  INC: `INC <kode-TPS> <kategori> <${Object.values(SMS_SEVERITY_WORDS).join("|")}> <uraian> <PIN>`,
} as const;

const PIN = /^\d{4,8}$/;
const REASON_WORDS = new Set(["ALASAN", "REASON"]);

/** The same message, however it was spaced or cased: the key duplicates are recognised by. */
export function normaliseSms(text: string): string {
  return text
    .normalize("NFKC")
    .replace(/[#,;\s]+/g, " ")
    .trim()
    .toUpperCase();
}

export function parseSms(input: string): SmsParse {
  let tokens = input
    .normalize("NFKC")
    .replace(/[#,;\s]+/g, " ")
    .trim()
    .split(" ")
    .filter(Boolean);
  let lang: Lang = "id";
  if (tokens[0]?.toUpperCase() === "EN") {
    lang = "en";
    tokens = tokens.slice(1);
  }
  if (tokens.length === 0) return { ok: false, lang, code: "empty" };
  const keyword = tokens[0].toUpperCase();
  if (keyword !== "QC" && keyword !== "INC")
    return { ok: false, lang, code: "unknown_keyword", params: { word: tokens[0].slice(0, 12) } };
  const tpsCode = tokens[1] ?? "";
  if (!TPS_CODE.test(tpsCode)) return { ok: false, lang, code: "bad_tps", params: { tps: tpsCode.slice(0, 20) } };

  if (keyword === "QC") {
    const reasonAt = tokens.findIndex((t, i) => i > 2 && REASON_WORDS.has(t.toUpperCase()));
    const main = reasonAt > 0 ? tokens.slice(0, reasonAt) : tokens;
    const justification =
      reasonAt > 0
        ? tokens
            .slice(reasonAt + 1)
            .join(" ")
            .slice(0, 2000) || null
        : null;
    // QC, TPS, contest, at least one candidate, invalid, PIN
    if (main.length < 6) return { ok: false, lang, code: "too_short", params: { format: SMS_FORMATS.QC } };
    const pin = main[main.length - 1];
    if (!PIN.test(pin)) return { ok: false, lang, code: "bad_pin_format" };
    const numberTokens = main.slice(3, -1);
    const bad = numberTokens.find((t) => !/^\d{1,6}$/.test(t));
    if (bad !== undefined) return { ok: false, lang, code: "bad_number", params: { value: bad.slice(0, 12) } };
    return {
      ok: true,
      lang,
      kind: "QC",
      tpsCode,
      contest: main[2].toLowerCase(),
      numbers: numberTokens.map(Number),
      pin,
      justification,
    };
  }

  // INC: TPS, category, severity, at least one word, PIN
  if (tokens.length < 6)
    return {
      ok: false,
      lang,
      code: tokens.length === 5 ? "no_text" : "too_short",
      params: { format: SMS_FORMATS.INC },
    };
  const pin = tokens[tokens.length - 1];
  if (!PIN.test(pin)) return { ok: false, lang, code: "bad_pin_format" };
  return {
    ok: true,
    lang,
    kind: "INC",
    tpsCode,
    category: tokens[2].toLowerCase(),
    severity: tokens[3].toLowerCase(),
    text: tokens.slice(4, -1).join(" ").slice(0, 2000),
    pin,
  };
}

/** A short receipt code an officer can read back over the phone: the first 8 hex digits of the id. */
export function receiptCode(kind: "QC" | "INC", id: string): string {
  return `${kind}-${id.replace(/-/g, "").slice(0, 8).toUpperCase()}`;
}
