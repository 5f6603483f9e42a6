// The command post's result actions, shared by the JSON API and the no-JavaScript form posts of the paper
// entry and review pages: parse the body, run the model in a writer job. Callers only read the body and
// write the answer.
import type { AppLoadContext } from "@remix-run/node";
import type { Lang } from "~/lib/i18n";
import { PaperEntryBody, ReviewBody } from "~/lib/schemas";
import { runReview, submitPaperEntry } from "~/models/review.server";
import type { SessionUser } from "~/models/users.server";
import { parseBody } from "./parse-body.server";

type Args = { user: SessionUser; raw: unknown; lang: Lang };

/** One operator's keying of a paper/phone/radio form (blind double entry). */
export function enterPaperForm(context: Pick<AppLoadContext, "writer">, { user, raw, lang }: Args) {
  const body = parseBody(PaperEntryBody, raw);
  return context.writer.write((ctx) => submitPaperEntry(ctx, { user, body, source: body.source, lang }));
}

/** A reviewer's action on a result: verify, correct or settle a paper conflict. */
export function reviewResult(context: Pick<AppLoadContext, "writer">, { user, raw, lang }: Args) {
  const body = parseBody(ReviewBody, raw);
  return context.writer.write((ctx) => runReview(ctx, { user, body, lang }));
}
