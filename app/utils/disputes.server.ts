// Process disputes' requests, one way for the pages, the API and the CSV: which petitions the caller asked for
// (inside the area they handle), and each change checked against the permission module before the writer
// runs it.
import { DISPUTE_STATES, disputeDeadline, type DisputeState } from "~/lib/disputes";
import { nextDate } from "~/lib/deadlines";
import { fromElectionWallClock } from "~/lib/format";
import { problem } from "~/lib/problems";
import { UUID } from "~/lib/schemas/atoms";
import { isRealDate, type Hearing, type Petition, type Step } from "~/lib/schemas/disputes";
import type { DisputeDocumentKind } from "~/lib/disputes";
import {
  addDisputeDocument,
  addHearing,
  disputeRegion,
  fileDispute,
  stepDispute,
  type DisputeQuery,
  type DisputeRule,
} from "~/models/disputes.server";
import { checkDocument } from "~/models/documents.server";
import { getSetting } from "~/models/settings.server";
import type { SessionUser } from "~/models/users.server";
import type { Services } from "./context.server";
import type { Db } from "./db.server";
import { regionCodeParam } from "./params.server";
import { areaWithin, canHandleDispute, requireAccess, type AccessUser } from "./permissions.server";

/** The most rows a register page or its CSV holds: a city's or a province's petitions are a few dozen. */
export const DISPUTE_LIST_MAX = 2000;

/** The deadline rule and the due-soon window of disputes, from the `deadlines` setting. */
export async function disputeRule(sql: Db): Promise<DisputeRule & { soonDays: number }> {
  const setting = await getSetting(sql, "deadlines");
  return { days: setting.disputes, holidays: setting.holidays, soonDays: setting.dueSoonDays };
}

const bad = (name: string) =>
  problem.badParameters([{ field: name, code: "invalid", key: "input.badParameter", params: { names: name } }]);

/** A `YYYY-MM-DD` parameter as the start of that day on the election's clock; null when absent. */
function dayParam(url: URL, name: string): Date | null {
  const raw = url.searchParams.get(name);
  if (!raw) return null;
  const at = isRealDate(raw) ? fromElectionWallClock(`${raw}T00:00`) : null;
  if (!at) throw bad(name);
  return at;
}

/** The filters of the register, its API and its CSV: `?wilayah=&state=&from=&to=&q=` (a 400 for what cannot
 *  be read; the area kept inside the caller's own). */
export function disputeParams(url: URL, user: AccessUser): DisputeQuery & { asked: Record<string, string> } {
  const asked = url.searchParams.get("wilayah");
  const area = asked ? regionCodeParam(asked, "wilayah") : null;
  const state = url.searchParams.get("state") || null;
  if (state && !(DISPUTE_STATES as readonly string[]).includes(state)) throw bad("state");
  const from = dayParam(url, "from");
  const toDay = url.searchParams.get("to");
  const to = dayParam(url, "to");
  const text = (url.searchParams.get("q") ?? "").trim();
  if (text.length > 100) throw bad("q");
  return {
    area: areaWithin(user, area),
    state: state as DisputeState | null,
    from,
    // "to" names the last day of the period: up to the start of the day after it.
    to: to && toDay ? fromElectionWallClock(`${nextDate(toDay)}T00:00`) : null,
    text: text || null,
    limit: DISPUTE_LIST_MAX,
    asked: Object.fromEntries(
      ["wilayah", "state", "from", "to", "q"]
        .map((k) => [k, url.searchParams.get(k) ?? ""] as const)
        .filter(([, v]) => v !== ""),
    ),
  };
}

/** A petition the caller may handle: 404 for an id that names none, 403 for one outside their area. */
export async function requireDisputeAccess(sql: Db, user: AccessUser, id: string | undefined): Promise<string> {
  if (!id || !UUID.test(id)) throw problem.notFound();
  const region = await disputeRegion(sql, { id });
  if (!region) throw problem.notFound();
  requireAccess(user, canHandleDispute(user, region), "other_area");
  return id;
}

/** Files a petition (with its first document, when given) for a KPU office inside the caller's area. */
export async function fileAs(
  { sql, writer }: Pick<Services, "sql" | "writer">,
  user: SessionUser,
  petition: Petition,
  file?: { name: string; bytes: Uint8Array } | null,
) {
  requireAccess(user, canHandleDispute(user, petition.regionCode), "other_area");
  if (file) checkDocument(file.bytes, "file");
  const rule = await disputeRule(sql);
  return writer.write(async (ctx) => {
    const filed = await fileDispute(ctx, { petition, userId: user.id, rule });
    if (file)
      await addDisputeDocument(ctx, {
        id: filed.id,
        kind: "petition",
        fileName: file.name,
        bytes: file.bytes,
        userId: user.id,
      });
    return filed;
  });
}

/** Takes a step (with the decision file, when given, in the same transaction). */
export async function stepAs(
  { sql, writer }: Pick<Services, "sql" | "writer">,
  user: SessionUser,
  id: string,
  step: Step,
  file?: { name: string; bytes: Uint8Array; kind: DisputeDocumentKind } | null,
) {
  await requireDisputeAccess(sql, user, id);
  if (file) checkDocument(file.bytes, "file");
  const rule = await disputeRule(sql);
  return writer.write(async (ctx) => {
    const row = await stepDispute(ctx, { id, step, userId: user.id, rule });
    if (file)
      await addDisputeDocument(ctx, { id, kind: file.kind, fileName: file.name, bytes: file.bytes, userId: user.id });
    return row;
  });
}

export async function hearingAs(
  { sql, writer }: Pick<Services, "sql" | "writer">,
  user: SessionUser,
  id: string,
  hearing: Hearing,
) {
  await requireDisputeAccess(sql, user, id);
  return writer.write((ctx) => addHearing(ctx, { id, hearing, userId: user.id }));
}

export async function documentAs(
  { sql, writer }: Pick<Services, "sql" | "writer">,
  user: SessionUser,
  id: string,
  file: { name: string; bytes: Uint8Array; kind: DisputeDocumentKind },
) {
  await requireDisputeAccess(sql, user, id);
  checkDocument(file.bytes, "file");
  return writer.write((ctx) =>
    addDisputeDocument(ctx, { id, kind: file.kind, fileName: file.name, bytes: file.bytes, userId: user.id }),
  );
}

/** A multipart form's file field as name and bytes; null when the form has none (an empty file input). */
export async function formFile(value: FormDataEntryValue | null): Promise<{ name: string; bytes: Uint8Array } | null> {
  if (!value || typeof value === "string" || value.size === 0) return null;
  return { name: value.name || "dokumen", bytes: new Uint8Array(await value.arrayBuffer()) };
}

/** A form's text fields as an object (files left out). */
export const formFields = (form: FormData): Record<string, string> =>
  Object.fromEntries([...form].filter(([, v]) => typeof v === "string") as [string, string][]);

/** A petition as the API and the screens show it: with its running deadline and where it stands now. */
export function presentDispute<T extends Parameters<typeof disputeDeadline>[0]>(
  row: T,
  rule: DisputeRule & { soonDays: number },
  now: Date,
) {
  return { ...row, deadline: disputeDeadline(row, now.toISOString(), rule.days, rule.holidays, rule.soonDays) };
}
