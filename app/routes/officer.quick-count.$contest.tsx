import { randomUUID } from "node:crypto";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { QuickCountForm } from "~/components/quick-count-form";
import { translate } from "~/lib/i18n";
import { fieldErrors, QuickCountBody } from "~/lib/schemas";
import { useT } from "~/lib/use-t";
import { getContest, getTps } from "~/models/election.server";
import { submitQuickCount } from "~/models/results.server";
import { TopBar } from "~/root";
import { requirePageUser } from "~/utils/auth.server";
import { ApiError, isUnavailable } from "~/utils/http.server";
import { requestLang } from "~/utils/lang.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requirePageUser(request, context.sql, ["officer"]);
  const [tps, contest] = await Promise.all([
    getTps(context.sql, { code: user.tpsCode! }),
    getContest(context.sql, { code: params.contest ?? "" }),
  ]);
  if (!tps || !contest) throw new Response("Not found", { status: 404 });
  const [current] = await context.sql`
    select votes, invalid, status from results where tps_code = ${tps.code} and contest_code = ${contest.code}`;
  return {
    // A fresh id per form: a double tap or a resent form is the same submission to the server.
    id: randomUUID(),
    tps: { code: tps.code, dpt: tps.dpt, dptb: tps.dptb, dpk: tps.dpk },
    contest,
    current: current ? { votes: current.votes as Record<string, number>, invalid: current.invalid as number } : null,
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePageUser(request, context.sql, ["officer"]);
  const lang = requestLang(request);
  const form = await request.formData();
  const votes: Record<string, string> = {};
  for (const [key, value] of form.entries()) {
    const match = /^votes\.(\d{1,2})$/.exec(key);
    if (match && typeof value === "string") votes[match[1]] = value;
  }
  const text = (name: string) => (typeof form.get(name) === "string" ? (form.get(name) as string) : undefined);
  const parsed = QuickCountBody.safeParse({
    id: text("id"), tpsCode: user.tpsCode, contest: text("contest"), votes,
    invalid: text("invalid"), valid: text("valid") || undefined, ballotsUsed: text("ballotsUsed") || undefined,
    justification: text("justification") || undefined, capturedAt: text("capturedAt") || new Date().toISOString(),
  });
  // On any error the typed numbers go back to the page, so nothing is lost even without JavaScript.
  const values = { votes, invalid: text("invalid") ?? "", valid: text("valid") ?? "", ballotsUsed: text("ballotsUsed") ?? "", justification: text("justification") ?? "" };
  if (!parsed.success) return data({ message: translate(lang, "api.invalidField"), errors: fieldErrors(parsed.error, lang), values }, 422);
  try {
    await context.writer.write((ctx) => submitQuickCount(ctx, { user, body: parsed.data, source: "app", lang }));
  } catch (error) {
    if (error instanceof ApiError) return data({ message: error.message, errors: error.errors ?? [], values }, error.status);
    if (isUnavailable(error)) return data({ message: translate(lang, "api.unavailable"), errors: [], values }, 503);
    throw error;
  }
  return redirect("/officer");
}

export default function QuickCountPage() {
  const { id, tps, contest, current } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const t = useT();
  return (
    <>
      <TopBar title={`TPS ${tps.code}`} />
      <main className="page phone">
        <p><Link to="/officer">← {t("qc.back")}</Link></p>
        <h1>{t("qc.title", { contest: contest.name })}</h1>
        {result?.message ? <p className="error" role="alert">{result.message}</p> : null}
        <QuickCountForm
          key={id}
          id={id}
          tpsCode={tps.code}
          contest={contest}
          context={{ candidates: contest.candidates.map((c) => c.number), dpt: tps.dpt, dptb: tps.dptb, dpk: tps.dpk, previous: current }}
          initial={current}
          typed={result?.values}
          serverErrors={result?.errors}
          busy={busy}
        />
      </main>
    </>
  );
}
