// GET /api/v1/public/audit-head: the audit chain's latest signed head, no login, CORS open like the other open
// data: { id, at, hash, signature, text, publicKey, keyId, publicKeyPem }. Checking it needs nothing from
// Pantau: an Ed25519 verification of `signature` over the text before its last dot with `publicKey`.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { problem } from "~/lib/problems";
import { publishedHead } from "~/utils/audit-head.server";
import { handleApi, json, readOnlyAction } from "~/utils/http.server";
import { apiLang } from "~/utils/lang.server";
import { OPEN_DATA_HEADERS } from "./api.v1.public.summary";

export async function loader({ request, context }: LoaderFunctionArgs) {
  return handleApi(apiLang(request), async () => {
    const head = await publishedHead(context);
    if (!head) throw problem.notFound();
    return json({ ...head, publicKeyPem: context.auditKey.publicKeyPem }, { headers: OPEN_DATA_HEADERS });
  });
}

export { readOnlyAction as action };
