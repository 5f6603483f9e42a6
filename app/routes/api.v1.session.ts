// POST /api/v1/session {login, secret} -> {token, user} + session cookie; DELETE logs out; GET -> {user}.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { fieldErrors, LoginBody } from "~/lib/schemas";
import { translate } from "~/lib/i18n";
import { auditSession } from "~/models/audit.server";
import {
  assertLoginAllowed,
  clearSessionCookie,
  getRequestUser,
  login,
  logout,
  sessionCookie,
  tokenFrom,
} from "~/utils/auth.server";
import { ApiError, apiError, handleApi, json, readJson } from "~/utils/http.server";
import { apiLang } from "~/utils/lang.server";
import { requireUser } from "~/utils/permissions.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const lang = apiLang(request);
  return handleApi(lang, async () => json({ user: await requireUser(request, context.sql, lang) }));
}

export async function action({ request, context }: ActionFunctionArgs) {
  const lang = apiLang(request);
  return handleApi(lang, async () => {
    if (request.method === "DELETE") {
      const user = await getRequestUser(request, context.sql);
      await logout(
        context.sql,
        tokenFrom({ authorization: request.headers.get("Authorization"), cookie: request.headers.get("Cookie") }),
      );
      if (user) await auditSession(context.writer, { user, action: "session.logout" });
      return json({ ok: true }, { headers: { "Set-Cookie": clearSessionCookie(context.env) } });
    }
    if (request.method !== "POST") throw apiError(lang, 405, "method_not_allowed", "api.methodNotAllowed");
    const parsed = LoginBody.safeParse(await readJson(request, lang, 4096));
    if (!parsed.success)
      throw new ApiError(422, "invalid", translate(lang, "api.invalidField"), fieldErrors(parsed.error, lang));
    assertLoginAllowed(context.env, lang, parsed.data.login, context.clientIp);
    const session = await login(context.sql, context.env, parsed.data, context.clientIp);
    if (!session) throw apiError(lang, 401, "login_failed", "api.loginFailed");
    await auditSession(context.writer, { user: session.user, action: "session.login" });
    return json(session, { headers: { "Set-Cookie": sessionCookie(context.env, session.token) } });
  });
}
