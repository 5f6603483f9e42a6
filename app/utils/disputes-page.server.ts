// What the register page and its printed view load: the filtered petitions of the caller's area with their
// running deadlines, the KPU office regions to filter by, and where the live stream starts.
import type { AppLoadContext } from "@remix-run/node";
import { isProblem } from "~/lib/problems";
import { listDisputes, officeRegions } from "~/models/disputes.server";
import { headSeq } from "~/models/events.server";
import { disputeParams, disputeRule, presentDispute } from "./disputes.server";
import { areaOf, requirePageUser } from "./permissions.server";

export async function disputeRegisterData(request: Request, context: AppLoadContext) {
  const user = await requirePageUser(request, context.sql, "dispute:handle");
  let params;
  try {
    params = disputeParams(new URL(request.url), user);
  } catch (error) {
    if (isProblem(error)) throw new Response("Bad Request", { status: 400 });
    throw error;
  }
  const { asked, ...query } = params;
  const [seq, { rows, total }, rule, offices] = await Promise.all([
    headSeq(context.sql),
    listDisputes(context.sql, query),
    disputeRule(context.sql),
    officeRegions(context.sql, { area: areaOf(user) }),
  ]);
  const now = new Date();
  return {
    seq,
    role: user.role,
    userName: user.name,
    asked,
    total,
    now: now.toISOString(),
    rows: rows.map((r) => presentDispute(r, rule, now)),
    offices: [...offices],
  };
}
