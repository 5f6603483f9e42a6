// /sandi: the change-secret page. An account made with a one-time secret (npm run admin:create) is sent here
// after login, and every other page and API answers it with this page or a `secret_change_required` problem
// until the secret is changed (app/utils/permissions.server.ts). Any signed-in user may change theirs here.
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useNavigation } from "@remix-run/react";
import { auditHeadMessages } from "~/lib/messages/audit-head";
import { commonMessages } from "~/lib/messages/common";
import { useT } from "~/lib/use-t";
import { TopBar } from "~/root";
import { getRequestUser, homeFor } from "~/utils/auth.server";
import { requestLang } from "~/utils/lang.server";
import { pageRefusal } from "~/utils/page-action.server";
import { changeOwnSecret } from "~/utils/secret-change.server";

export const meta: MetaFunction = () => [{ title: "Pantau — Ganti sandi" }];

async function signedIn(request: Request, sql: Parameters<typeof getRequestUser>[1]) {
  const user = await getRequestUser(request, sql);
  if (!user) throw redirect(`/login?redirectTo=${encodeURIComponent("/sandi")}`);
  return user;
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await signedIn(request, context.sql);
  return { login: user.login, oneTime: !!user.mustChangeSecret };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await signedIn(request, context.sql);
  const form = await request.formData();
  const refused = await pageRefusal(requestLang(request), {}, () =>
    changeOwnSecret(context, user, {
      current: form.get("current"),
      secret: form.get("secret"),
      confirm: form.get("confirm"),
    }),
  );
  return refused ?? redirect(homeFor({ ...user, mustChangeSecret: false }));
}

export default function ChangeSecret() {
  const t = useT(auditHeadMessages, commonMessages);
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const errorOf = (field: string) => result?.errors?.find((e) => e.field === field)?.message;
  const field = (name: "current" | "secret" | "confirm", label: string, autoComplete: string) => (
    <label>
      {label}
      <input
        name={name}
        type="password"
        required
        maxLength={200}
        autoComplete={autoComplete}
        aria-invalid={errorOf(name) ? true : undefined}
        aria-describedby={errorOf(name) ? `${name}-error` : undefined}
      />
      {errorOf(name) ? (
        <span id={`${name}-error`} className="error small" data-testid={`secret-error-${name}`}>
          {errorOf(name)}
        </span>
      ) : null}
    </label>
  );
  return (
    <>
      <TopBar />
      <main className="page narrow">
        <h1>{t("secret.title")}</h1>
        <p>{t("secret.why")}</p>
        <Form method="post" className="stack">
          {field("current", t("secret.current"), "current-password")}
          {field("secret", t("secret.new"), "new-password")}
          {field("confirm", t("secret.confirm"), "new-password")}
          <button type="submit" className="primary big" disabled={busy}>
            {t("secret.submit")}
          </button>
        </Form>
      </main>
    </>
  );
}
