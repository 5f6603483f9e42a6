// POST /api/v1/session {login, secret} -> {token, user} + session cookie; DELETE logs out; GET -> {user}.
import { problem } from "~/lib/problems";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { LoginBody } from "~/lib/schemas";
import { auditSession } from "~/models/audit.server";
import {
  clearSessionCookie,
  deviceTokenOf,
  getRequestUser,
  login,
  loginCookies,
  logout,
  tokenFrom,
} from "~/utils/auth.server";
import { handleApi, json, readJson } from "~/utils/http.server";
import { apiLang } from "~/utils/lang.server";
import { requireUser } from "~/utils/permissions.server";
import { parseBody } from "~/utils/parse-body.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const lang = apiLang(request);
  return handleApi(lang, async () => json({ user: await requireUser(request, context.sql) }));
}

export async function action({ request, context }: ActionFunctionArgs) {
  const lang = apiLang(request);
  return handleApi(lang, async () => {
    if (request.method === "DELETE") {
      const user = await getRequestUser(request, context.sql);
      await logout(
        context,
        tokenFrom({ authorization: request.headers.get("Authorization"), cookie: request.headers.get("Cookie") }),
      );
      if (user) await auditSession(context.writer, { user, action: "session.logout" });
      return json({ ok: true }, { headers: { "Set-Cookie": clearSessionCookie(context.env) } });
    }
    if (request.method !== "POST") throw problem.methodNotAllowed();
    const body = parseBody(LoginBody, await readJson(request));
    const session = await login(context, body, { clientIp: context.clientIp, deviceToken: deviceTokenOf(request) });
    await auditSession(context.writer, { user: session.user, action: "session.login" });
    // The device token stays in its HttpOnly cookie, out of reach of page scripts.
    const { device: _device, ...answer } = session;
    return json(answer, { headers: loginCookies(context.env, session) });
  });
}
