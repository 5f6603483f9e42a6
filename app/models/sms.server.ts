// The SMS fallback (format: app/lib/sms.ts): one gateway message in, one reply text out. The officer's
// PIN is checked, quick counts go through the same C1 rules and idempotency as the app (the submission id
// is derived from the TPS and the normalised text, so the same SMS twice is one submission), and every
// message is logged in sms_messages, where the command post reads the malformed ones.
import { createHash } from "node:crypto";
import { can } from "~/lib/access";
import { isProblem, type Problem } from "~/lib/problems";
import { combineMessages, translate, type Lang, type MessageKey, type MessageParams } from "~/lib/i18n";
import { limitsMessages } from "~/lib/messages/limits";
import { smsMessages } from "~/lib/messages/sms";
import { tpsStatusMessages } from "~/lib/messages/tps-status";
import { normaliseSms, parseSms, receiptCode, type SmsParse } from "~/lib/sms";
import type { Services } from "~/utils/context.server";
import type { Db } from "~/utils/db.server";
import type { Env } from "~/utils/env.server";

import { verifySecret } from "~/utils/password.server";
// The SMS channel answers in text, so it words its refusals with the same boundary the API uses.
// eslint-disable-next-line @typescript-eslint/no-restricted-imports
import { fieldError, problemMessage } from "~/utils/problem-answer.server";
import { ballotStructure, KOLOM_KOSONG, quickChoices, votesIn } from "~/lib/contests";
import { getContest, getTps } from "./election.server";
import { contestNotHere, submitQuickCount } from "./results.server";
import { isOwnNumber, reserveGuess, settleGuess, type GuessLimits } from "./guess-limits.server";
import { findUserForLogin, type SessionUser } from "./users.server";

/** Wrong PINs from one number for one TPS, and from one number over every TPS, within 15 minutes; the
 *  account-wide budget for strangers is the web sign-in's (docs/decisions/030-guessing-and-flooding.md). */
const smsLimits = (env: Env): GuessLimits => ({
  perPair: 5,
  perSource: 10,
  perAccountDay: env.LOGIN_FAILURES_PER_DAY,
});

export interface SmsIn {
  gatewayId: string | null;
  sender: string;
  text: string;
}
export interface SmsOut {
  status: "accepted" | "rejected" | "malformed" | "duplicate";
  reply: string;
  receipt: string | null;
}

interface LogRow {
  status: SmsOut["status"];
  kind: "QC" | "INC" | null;
  tpsCode: string | null;
  errorCode: string | null;
  reply: string;
  receipt: string | null;
}

/** A UUID made from a hash, so the same message always maps to the same submission id. */
function uuidFrom(text: string): string {
  const h = createHash("sha256").update(text).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${((parseInt(h[16], 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const messages = combineMessages(smsMessages, tpsStatusMessages, limitsMessages);
const t = (lang: Lang, key: MessageKey<typeof messages>, params?: MessageParams) =>
  translate(lang, messages, key, params);

export async function handleSms(
  { sql, writer, env }: Services,
  message: SmsIn,
  handleIncident?: IncidentBySms,
): Promise<SmsOut> {
  const text = message.text.slice(0, 1600);
  const key = createHash("sha256")
    .update(`${message.sender}\n${normaliseSms(text)}`)
    .digest("hex");
  const log = (row: LogRow) =>
    writer.write(async ({ tx }) => {
      await tx`
      insert into sms_messages (gateway_id, sender, body, body_key, status, kind, tps_code, error_code, reply, receipt)
      values (${message.gatewayId}, ${message.sender}, ${text}, ${key}, ${row.status}, ${row.kind}, ${row.tpsCode},
        ${row.errorCode}, ${row.reply}, ${row.receipt})`;
    });
  const finish = async (row: LogRow): Promise<SmsOut> => {
    await log(row);
    return { status: row.status, reply: row.reply, receipt: row.receipt };
  };

  // The gateway resent a message it already delivered: same answer, nothing new.
  if (message.gatewayId) {
    const [seen] = await sql<
      [Pick<LogRow, "reply" | "receipt" | "kind" | "tpsCode">?]
    >`select reply, receipt, kind, tps_code from sms_messages where gateway_id = ${message.gatewayId} and status <> 'duplicate' limit 1`;
    if (seen) {
      return finish({
        status: "duplicate",
        kind: seen.kind,
        tpsCode: seen.tpsCode,
        errorCode: null,
        reply: seen.reply,
        receipt: seen.receipt,
      });
    }
  }

  const parsed = parseSms(text);
  if (!parsed.ok) {
    return finish({
      status: "malformed",
      kind: null,
      tpsCode: null,
      errorCode: parsed.code,
      reply: t(parsed.lang, `sms.${parsed.code}`, parsed.params),
      receipt: null,
    });
  }
  const { lang } = parsed;
  const reject = (errorCode: string, reply: string) =>
    finish({ status: "rejected", kind: parsed.kind, tpsCode: parsed.tpsCode, errorCode, reply, receipt: null });

  // The officer's own registered number is the owner: strangers' wrong PINs never refuse it.
  const attempt = {
    channel: "sms" as const,
    account: parsed.tpsCode.toLowerCase(),
    source: message.sender,
    known: await isOwnNumber(sql, { login: parsed.tpsCode, sender: message.sender }),
  };
  const limits = smsLimits(env);
  const reserved = await reserveGuess(sql, attempt, limits);
  if ("refusal" in reserved) {
    const { key, retryAfter } = reserved.refusal;
    const text = key === "pair" ? "limits.smsPair" : key === "source" ? "limits.smsSender" : "limits.smsAccount";
    return reject("locked", t(lang, text, { tps: parsed.tpsCode, minutes: Math.ceil(retryAfter / 60) }));
  }
  const account = await findUserForLogin(sql, { login: parsed.tpsCode });
  const pinOk =
    account && can(account, "sms:report") && !account.disabled && (await verifySecret(parsed.pin, account.secretHash));
  await settleGuess({ sql, writer }, { id: reserved.id, ok: !!pinOk, attempt, limits });
  if (!account || !pinOk) {
    // The same answer for an unknown TPS and a wrong PIN: the SMS channel must not confirm which TPS exist.
    return reject("bad_pin", t(lang, "sms.badPin", { tps: parsed.tpsCode }));
  }
  const { secretHash: _s, disabled: _d, ...user } = account;
  const id = uuidFrom(`sms:${parsed.tpsCode}:${normaliseSms(text.replace(/^\s*EN\b/i, ""))}`);
  if (parsed.kind === "INC") {
    if (!handleIncident) return reject("unavailable", t(lang, "sms.incUnavailable"));
    try {
      const answer = await handleIncident({ user, parsed, id });
      const receipt = receiptCode("INC", id);
      const status = answer.httpStatus === 200 ? "duplicate" : "accepted";
      return finish({
        status,
        kind: "INC",
        tpsCode: parsed.tpsCode,
        errorCode: null,
        reply: t(lang, status === "duplicate" ? "sms.duplicate" : "sms.incAccepted", { receipt }),
        receipt,
      });
    } catch (error) {
      if (isProblem(error)) return reject(error.code, errorText(lang, error));
      throw error;
    }
  }
  return quickCountBySms({ writer, sql }, { user, parsed, id, lang, reject, finish });
}

async function quickCountBySms(
  { writer, sql }: Pick<Services, "writer" | "sql">,
  {
    user,
    parsed,
    id,
    lang,
    reject,
    finish,
  }: {
    user: SessionUser;
    parsed: Extract<SmsParse, { kind: "QC" }>;
    id: string;
    lang: Lang;
    reject: (code: string, reply: string) => Promise<SmsOut>;
    finish: (row: LogRow) => Promise<SmsOut>;
  },
): Promise<SmsOut> {
  const contest = await getContest(sql, { code: parsed.contest });
  if (!contest) return reject("unknown_contest", t(lang, "sms.unknownContest", { contest: parsed.contest }));
  // Before counting the numbers: a TPS outside the contest's area is told so, naming the contest.
  const tps = await getTps(sql, { code: parsed.tpsCode });
  if (tps && !votesIn(tps.kelurahanCode, contest)) {
    return reject("contest_not_here", errorText(lang, contestNotHere(tps.code, contest.name)));
  }
  // The numbers of section IV in ballot order: pairs (then the blank column of a single pair), DPD
  // candidates, or party totals by party number; the invalid votes last.
  const choices = quickChoices(contest);
  const expected = choices.length + 1;
  if (parsed.numbers.length !== expected) {
    const structure = ballotStructure(contest.type);
    const key =
      structure === "parties" ? "sms.countParties" : choices.includes(KOLOM_KOSONG) ? "sms.countBlank" : "sms.count";
    return reject(
      "count",
      t(lang, key, {
        contest: contest.code,
        candidates: choices.length,
        parties: choices.length,
        expected,
        got: parsed.numbers.length,
      }),
    );
  }
  const votes = Object.fromEntries(choices.map((c, i) => [String(c), parsed.numbers[i]]));
  const invalid = parsed.numbers[parsed.numbers.length - 1];
  const receipt = receiptCode("QC", id);
  const duplicate = () =>
    finish({
      status: "duplicate",
      kind: "QC",
      tpsCode: parsed.tpsCode,
      errorCode: null,
      reply: t(lang, "sms.duplicate", { receipt }),
      receipt,
    });
  // The same text from the same TPS is the same submission (its id is derived from the text).
  const [seen] = await sql`select 1 from submissions where id = ${id}`;
  if (seen) return duplicate();
  try {
    const answer = await writer.write((ctx) =>
      submitQuickCount(ctx, {
        user,
        lang,
        source: "sms",
        body: {
          id,
          tpsCode: parsed.tpsCode,
          contest: contest.code,
          votes,
          invalid,
          justification: parsed.justification,
          capturedAt: new Date().toISOString(),
        },
      }),
    );
    const numbers = choices
      .map((c) => `${c === KOLOM_KOSONG ? t(lang, "sms.blank") : c}=${votes[String(c)]}`)
      .join(" ");
    const reply = t(lang, "sms.qcAccepted", {
      receipt,
      tps: parsed.tpsCode,
      contest: contest.code,
      numbers,
      invalid,
      status: t(lang, `status.${answer.body.status}`),
    });
    return finish({ status: "accepted", kind: "QC", tpsCode: parsed.tpsCode, errorCode: null, reply, receipt });
  } catch (error) {
    // Two copies of one SMS arriving at once: the second finds the first's id.
    if (isProblem(error) && error.code === "id_conflict") return duplicate();
    if (isProblem(error)) return reject(error.code, errorText(lang, error));
    throw error;
  }
}

/** The longest reply: three SMS. */
const REPLY_MAX = 459;

/**
 * One reply of at most three SMS: what to fix first (the findings), then, when the rules only want the
 * officer's word, how to give it by SMS (the app's wording speaks of a reason box an SMS does not have).
 */
function errorText(lang: Lang, error: Problem): string {
  const fields = error.fields ?? [];
  const ask = fields.find((f) => f.code === "confirmation_required" || f.code === "justification_required");
  const how = ask ? t(lang, ask.code === "confirmation_required" ? "sms.confirmBy" : "sms.reasonBy") : "";
  const findings =
    fields
      .filter((f) => f !== ask)
      .slice(0, 3)
      .map((f) => fieldError(lang, f).message)
      .join(" ") || problemMessage(error, lang);
  const head = `${t(lang, "sms.rejected")} `;
  const room = REPLY_MAX - head.length - (how ? how.length + 1 : 0);
  const shown = findings.length > room ? `${findings.slice(0, room - 1)}…` : findings;
  return how ? `${head}${shown} ${how}` : `${head}${shown}`;
}

export type IncidentBySms = (args: {
  user: SessionUser;
  parsed: Extract<SmsParse, { kind: "INC" }>;
  id: string;
}) => Promise<{ httpStatus: number }>;

interface SmsRow {
  id: number;
  sender: string;
  body: string;
  status: string;
  kind: string | null;
  tpsCode: string | null;
  errorCode: string | null;
  reply: string;
  receipt: string | null;
  receivedAt: Date;
}

/** The command post's view of the SMS log: the newest first, optionally only one status. */
export async function listSms(sql: Db, { status, limit = 200 }: { status?: string; limit?: number }) {
  const rows = await sql<SmsRow[]>`
    select id, sender, body, status, kind, tps_code, error_code, reply, receipt, received_at from sms_messages
    ${status ? sql`where status = ${status}` : sql``}
    order by id desc limit ${limit}`;
  return rows.map((r) => ({ ...r, receivedAt: r.receivedAt.toISOString() }));
}
