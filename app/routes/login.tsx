import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { useState } from "react";
import { readTpsCode, TPS_CODE_EXAMPLE } from "~/lib/tps-code";
import { fieldProblems, LoginBody } from "~/lib/schemas";
import { loginMessages } from "~/lib/messages/login";
import { useT } from "~/lib/use-t";
import { auditSession } from "~/models/audit.server";
import { TopBar } from "~/root";
import { deviceTokenOf, getRequestUser, homeFor, login, loginCookies } from "~/utils/auth.server";
import { requestLang } from "~/utils/lang.server";
import { pageProblem } from "~/utils/page-action.server";
import { problemOf } from "~/utils/problem-answer.server";
import { problem } from "~/lib/problems";

export const meta: MetaFunction = () => [{ title: "Pantau — Masuk" }];

/** Only same-site paths: an attacker's link must not bounce a fresh login to another site. */
export function safeRedirect(to: FormDataEntryValue | string | null, fallback: string) {
  // Printable ASCII only (a path the app wrote is percent-encoded): a control or non-Latin character in a
  // Location header makes it unsendable, and CR/LF would split it.
  return typeof to === "string" && /^\/[\x21-\x7e]*$/.test(to) && !to.startsWith("//") && !to.startsWith("/\\")
    ? to
    : fallback;
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
  // The login typed goes back to the page, so an officer without JavaScript need not type the code again.
  const typed = { login: String(form.get("login") ?? "").slice(0, 100) };
  if (!parsed.success) {
    // A control character is named on its field (422); any other malformed login reads as a failed one.
    const controlled = fieldProblems(parsed.error).filter((f) => f.code === "control_character");
    return pageProblem(controlled.length ? problem.invalidFields(controlled) : problem.loginFailed(), lang, typed);
  }
  let session;
  try {
    session = await login(context, parsed.data, { clientIp: context.clientIp, deviceToken: deviceTokenOf(request) });
  } catch (error) {
    const refused = problemOf(error);
    if (!refused) throw error;
    return pageProblem(refused, lang, typed);
  }
  await auditSession(context.writer, { user: session.user, action: "session.login" });
  return redirect(safeRedirect(form.get("redirectTo"), homeFor(session.user)), {
    headers: loginCookies(context.env, session),
  });
}

/** The field a refusal is about (a TPS code that is not one, a wrong PIN), to mark it for screen readers. */
const refusedField = (result: { errors?: { field: string }[] } | undefined) => result?.errors?.[0]?.field ?? null;

export default function Login() {
  const t = useT(loginMessages);
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const busy = useNavigation().state !== "idle";
  const [typed, setTyped] = useState(result?.login ?? params.get("login") ?? "");
  // A TPS code means a PIN: digits only, so the phone opens its number pad. Staff type passwords.
  const pin = readTpsCode(typed) !== null;
  const wrong = refusedField(result);
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
              value={typed}
              onChange={(e) => setTyped(e.target.value)}
              aria-describedby="login-example"
              aria-invalid={wrong === "login" || undefined}
            />
          </label>
          <p id="login-example" className="muted small field-hint">
            {t("login.example", { example: TPS_CODE_EXAMPLE })}
          </p>
          <label>
            {t("login.secret")}
            <input
              name="secret"
              type="password"
              autoComplete="current-password"
              required
              maxLength={200}
              inputMode={pin ? "numeric" : undefined}
              pattern={pin ? "[0-9]*" : undefined}
              aria-invalid={wrong === "secret" || undefined}
            />
          </label>
          {result?.message ? (
            <p role="alert" className="error" data-testid="login-error">
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
