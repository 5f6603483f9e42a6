import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { auditSession } from "~/models/audit.server";
import { clearSessionCookie, getRequestUser, logout, tokenFrom } from "~/utils/auth.server";

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await getRequestUser(request, context.sql);
  await logout(context, tokenFrom({ cookie: request.headers.get("Cookie") }));
  if (user) await auditSession(context.writer, { user, action: "session.logout" });
  return redirect("/login", { headers: { "Set-Cookie": clearSessionCookie(context.env) } });
}

export const loader = () => redirect("/");
