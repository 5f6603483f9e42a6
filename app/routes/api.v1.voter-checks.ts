// POST /api/v1/voter-checks: one lookup in the voter list, sent by the officer's outbox (kind, when, matched,
// rows shown; never the name typed nor the NIK). 201 new, 200 identical retry, 409 another body under the same
// id, 403 another TPS. Audited (`voters.check`).
import type { ActionFunctionArgs } from "@remix-run/node";
import { problem } from "~/lib/problems";
import { VoterCheckBody } from "~/lib/schemas/voters";
import { recordVoterCheck } from "~/models/voters.server";
import { handleApi, json, readJson } from "~/utils/http.server";
import { apiLang } from "~/utils/lang.server";
import { postOnly } from "~/utils/officer-api.server";
import { parseBody } from "~/utils/parse-body.server";
import { mayHoldVoterList, requireAccess, requireUserWithPermission } from "~/utils/permissions.server";

export async function action({ request, context }: ActionFunctionArgs) {
  const lang = apiLang(request);
  return handleApi(lang, async () => {
    if (request.method !== "POST") throw problem.methodNotAllowed();
    const user = await requireUserWithPermission(request, context.sql, "voters:check");
    const body = parseBody(VoterCheckBody, await readJson(request));
    requireAccess(user, mayHoldVoterList(user, body.tpsCode), "other_tps");
    const answer = await context.writer.write((ctx) => recordVoterCheck(ctx, { userId: user.id, body }));
    return json(answer.body, answer.httpStatus);
  });
}

export const loader = postOnly;
