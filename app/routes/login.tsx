import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { LoginBody } from "~/lib/schemas";
import { translate } from "~/lib/i18n";
import { loginMessages } from "~/lib/messages/login";
import { useT } from "~/lib/use-t";
import { auditSession } from "~/models/audit.server";
import { TopBar } from "~/root";
import { assertLoginAllowed, getRequestUser, homeFor, login, sessionCookie } from "~/utils/auth.server";
import { requestLang } from "~/utils/lang.server";
import { pageRefusal } from "~/utils/page-action.server";

export const meta: MetaFunction = () => [{ title: "Pantau — Masuk" }];

/** Only same-site paths: an attacker's link must not bounce a fresh login to another site. */
export function safeRedirect(to: FormDataEntryValue | string | null, fallback: string) {
  return typeof to === "string" && to.startsWith("/") && !to.startsWith("//") && !to.startsWith("/\\") ? to : fallback;
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await getRequestUser(request, context.sql);
  if (user) throw redirect(homeFor(user));
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const lang = requestLang(request);
  const parsed = LoginBody.safeParse({ login: form.get("login"), secret: form.get("secret") });
  if (!parsed.success) return data({ message: translate(lang, loginMessages, "login.failed") }, 400);
  const refused = await pageRefusal(lang, {}, async () =>
    assertLoginAllowed(context.env, lang, parsed.data.login, context.clientIp),
  );
  if (refused) return refused;
  const session = await login(context.sql, context.env, parsed.data, context.clientIp);
  if (!session) return data({ message: translate(lang, loginMessages, "login.failed") }, 401);
  await auditSession(context.writer, { user: session.user, action: "session.login" });
  return redirect(safeRedirect(form.get("redirectTo"), homeFor(session.user)), {
    headers: { "Set-Cookie": sessionCookie(context.env, session.token) },
  });
}

export default function Login() {
  const t = useT(loginMessages);
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const busy = useNavigation().state !== "idle";
  return (
    <>
      <TopBar />
      <main className="page narrow">
        <h1>{t("login.title")}</h1>
        <p className="muted">{t("app.tagline")}</p>
        <Form method="post" className="stack">
          <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? ""} />
          <label>
            {t("login.login")}
            <input
              name="login"
              autoComplete="username"
              autoCapitalize="none"
              required
              maxLength={100}
              defaultValue={params.get("login") ?? ""}
            />
          </label>
          <label>
            {t("login.secret")}
            <input name="secret" type="password" autoComplete="current-password" required maxLength={200} />
          </label>
          {result?.message ? (
            <p role="alert" className="error">
              {result.message}
            </p>
          ) : null}
          <button type="submit" className="primary big" disabled={busy}>
            {t("login.submit")}
          </button>
        </Form>
        <p className="muted small">{t("login.hint")}</p>
        <p>
          <a href="/publik">{t("public.fromLogin")}</a>
        </p>
      </main>
    </>
  );
}
