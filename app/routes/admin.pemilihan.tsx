// Admin: contests (ballots) and their candidates by ballot number.
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { SaveFeedback } from "~/components/save-feedback";
import { combineMessages, translate } from "~/lib/i18n";
import { fromLines, toLines } from "~/lib/settings";
import { adminMessages } from "~/lib/messages/admin";
import { commonMessages } from "~/lib/messages/common";
import { useT } from "~/lib/use-t";
import { ContestBody } from "~/lib/schemas/admin";
import { contestPositions, saveContest } from "~/models/contests.server";
import { listContests } from "~/models/election.server";
import { readForm, requireAdminPage } from "~/utils/admin.server";
import { requestLang } from "~/utils/lang.server";

const messages = combineMessages(adminMessages, commonMessages);

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireAdminPage(request, context.sql);
  const pos = await contestPositions(context.sql);
  return { contests: (await listContests(context.sql)).map((c) => ({ ...c, position: pos.get(c.code) ?? 0 })) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const admin = await requireAdminPage(request, context.sql);
  const lang = requestLang(request);
  const form = await readForm(request);
  const str = (k: string) => String(form.get(k) ?? "").slice(0, 10_000);
  const parsed = ContestBody.safeParse({
    code: str("code"),
    name: str("name"),
    position: str("position") || "0",
    candidates: fromLines(str("candidates")).map(([number = "", name = ""]) => ({ number, name })),
  });
  if (!parsed.success) {
    return data(
      {
        code: str("code"),
        ok: false,
        errors: parsed.error.issues.map(
          (i) =>
            `${i.path.map((p) => (typeof p === "number" ? translate(lang, messages, "admin.settings.line", { line: p + 1 }) : p)).join(" ")}: ${i.message === "duplicate" ? translate(lang, messages, "admin.settings.duplicate") : translate(lang, messages, "api.invalidField")}`,
        ),
      },
      422,
    );
  }
  const outcome = await context.writer.write((ctx) => saveContest(ctx, { body: parsed.data, actorId: admin.id }));
  if (outcome === "in_use")
    return data(
      { code: parsed.data.code, ok: false, errors: [translate(lang, messages, "admin.contests.inUse")] },
      409,
    );
  return { code: parsed.data.code, ok: true, errors: [] as string[] };
}

export default function Contests() {
  const { contests } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT(adminMessages, commonMessages);
  const busy = useNavigation().state !== "idle";
  const forms = [...contests, { code: "", name: "", position: contests.length + 1, candidates: [] }];
  return (
    <>
      <h1>{t("admin.contests.title")}</h1>
      {forms.map((c) => (
        <Form
          key={c.code || "new"}
          method="post"
          className="card stack"
          data-testid={`contest-form-${c.code || "new"}`}
        >
          <h2>{c.code ? c.name : t("admin.contests.new")}</h2>
          <div className="row">
            <label>
              {t("admin.contests.code")}
              <input name="code" defaultValue={c.code} readOnly={!!c.code} required maxLength={40} />
            </label>
            <label>
              {t("admin.contests.name")}
              <input name="name" defaultValue={c.name} required maxLength={120} />
            </label>
            <label>
              {t("admin.contests.position")}
              <input name="position" type="number" min={0} max={99} defaultValue={c.position} />
            </label>
          </div>
          <label>
            {t("admin.contests.candidates")}
            <textarea
              name="candidates"
              rows={4}
              defaultValue={toLines(c.candidates.map((k) => [String(k.number), k.name]))}
              maxLength={10000}
            />
          </label>
          {result && result.code === c.code ? <SaveFeedback result={result} saved={t("admin.settings.saved")} /> : null}
          <button type="submit" className="primary" disabled={busy}>
            {t("admin.settings.save")}
          </button>
        </Form>
      ))}
    </>
  );
}
