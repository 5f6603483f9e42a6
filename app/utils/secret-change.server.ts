// A user replaces their own secret: the way out of a one-time secret (npm run admin:create), for the page
// /sandi and POST /api/v1/session/secret alike. The one-time secret is typed again, so a session left open
// on a shared screen cannot be taken over by setting a secret its owner does not know.
import { problem, type FieldProblem } from "~/lib/problems";
import { ChangeSecretBody, MIN_OWN_SECRET } from "~/lib/schemas/secret";
import { getSecretHash, setOwnSecret, type SessionUser } from "~/models/users.server";
import type { Db } from "./db.server";
import { parseBody } from "./parse-body.server";
import { hashSecret, verifySecret } from "./password.server";
import type { Writer } from "./writer.server";

export async function changeOwnSecret(
  { sql, writer }: { sql: Db; writer: Writer },
  user: SessionUser,
  raw: unknown,
): Promise<void> {
  const body = parseBody(ChangeSecretBody, raw);
  const fields: FieldProblem[] = [];
  if (body.secret.length < MIN_OWN_SECRET)
    fields.push({ field: "secret", code: "too_short", key: "secret.tooShort", params: { min: MIN_OWN_SECRET } });
  else if (body.secret === body.current) fields.push({ field: "secret", code: "same_as_old", key: "secret.sameAsOld" });
  if (body.confirm !== body.secret) fields.push({ field: "confirm", code: "mismatch", key: "secret.mismatch" });
  const stored = await getSecretHash(sql, { userId: user.id });
  if (!stored || !(await verifySecret(body.current, stored)))
    fields.unshift({ field: "current", code: "wrong_secret", key: "secret.wrongCurrent" });
  if (fields.length) throw problem.invalidFields(fields);
  const hash = await hashSecret(body.secret);
  await writer.write((ctx) => setOwnSecret(ctx, { userId: user.id, hash }));
}
