// The roster's requests, one way for the page, the API and the CSV: which rows the caller asked for (inside
// their own area) and a change of person checked against the permission module before it is written.
import { areaWithin, canManageOfficerAt, placeDenial, requireAccess, type AccessUser } from "./permissions.server";
import {
  DEFAULT_SILENT_MINUTES,
  isRosterFilter,
  MAX_TPS_ASKED,
  MAX_SILENT_MINUTES,
  ROSTER_PAGE,
  type RosterFilter,
} from "~/lib/roster";
import type { OfficerChange } from "~/lib/schemas/roster";
import { problem } from "~/lib/problems";
import { TPS_CODE } from "~/lib/schemas/atoms";
import { newPin } from "~/models/accounts.server";
import { getTps } from "~/models/election.server";
import { moveOfficer, replaceOfficer } from "~/models/roster.server";
import type { Services } from "./context.server";
import { regionCodeParam, wholeNumberParam } from "./params.server";
import { hashSecret } from "./password.server";

export interface RosterParams {
  area: string | null;
  filter: RosterFilter;
  silentMinutes: number;
  page: number;
  /** `?tps=a,b`: only these TPS (at most MAX_TPS_ASKED, answered on one page). */
  tpsCodes: string[] | null;
}

/** `?wilayah=&filter=&silentMinutes=&page=`: a 400 for what cannot be read; the area kept inside the caller's. */
export function rosterParams(url: URL, user: AccessUser): RosterParams {
  const asked = url.searchParams.get("wilayah");
  const filter = url.searchParams.get("filter") || "all";
  if (!isRosterFilter(filter))
    throw problem.badParameters([
      { field: "filter", code: "invalid", key: "input.badParameter", params: { names: "filter" } },
    ]);
  const tps = url.searchParams.get("tps");
  const tpsCodes = tps ? tps.split(",") : null;
  if (tpsCodes && (tpsCodes.length > MAX_TPS_ASKED || !tpsCodes.every((c) => TPS_CODE.test(c))))
    throw problem.badParameters([
      { field: "tps", code: "invalid", key: "input.badParameter", params: { names: "tps" } },
    ]);
  return {
    tpsCodes,
    area: areaWithin(user, asked ? regionCodeParam(asked, "wilayah") : null),
    filter,
    silentMinutes: wholeNumberParam(url, "silentMinutes", {
      max: MAX_SILENT_MINUTES,
      fallback: DEFAULT_SILENT_MINUTES,
    })!,
    page: wholeNumberParam(url, "page", { min: 1, max: 100_000, fallback: 1 })!,
  };
}

export const rosterWindow = ({ page, tpsCodes }: Pick<RosterParams, "page" | "tpsCodes">) =>
  tpsCodes ? { limit: MAX_TPS_ASKED, offset: 0 } : { limit: ROSTER_PAGE, offset: (page - 1) * ROSTER_PAGE };

export type OfficerChangeResult =
  | { action: "replace"; tpsCode: string; name: string; pin: string }
  | { action: "move"; from: string; to: string; name: string };

/** A change of person at a TPS (and, for a move, at the TPS it goes to), both inside the caller's rights. */
export async function changeOfficer(
  { sql, writer }: Pick<Services, "sql" | "writer">,
  user: AccessUser,
  change: OfficerChange,
): Promise<OfficerChangeResult> {
  const places = change.action === "move" ? [change.tpsCode, change.to] : [change.tpsCode];
  for (const code of places) {
    const tps = await getTps(sql, { code });
    if (!tps)
      throw change.action === "move" && code === change.to
        ? problem.invalidField("to", "unknown_tps", { tps: code }, "roster.badTps")
        : problem.notFound();
    requireAccess(user, canManageOfficerAt(user, tps), placeDenial(user));
  }
  if (change.action === "move") {
    const { name } = await writer.write((ctx) =>
      moveOfficer(ctx, { from: change.tpsCode, to: change.to, reason: change.reason, actorId: user.id }),
    );
    return { action: "move", from: change.tpsCode, to: change.to, name };
  }
  // The PIN is made and hashed outside the transaction (scrypt is slow); it is shown once and stored hashed.
  const pin = newPin();
  const secretHash = await hashSecret(pin);
  await writer.write((ctx) => replaceOfficer(ctx, { ...change, secretHash, actorId: user.id }));
  return { action: "replace", tpsCode: change.tpsCode, name: change.name, pin };
}
