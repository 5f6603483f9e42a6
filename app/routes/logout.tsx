import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { clearSessionCookie, logout, tokenFrom } from "~/utils/auth.server";

export async function action({ request, context }: ActionFunctionArgs) {
  await logout(context.sql, tokenFrom({ cookie: request.headers.get("Cookie") }));
  return redirect("/login", { headers: { "Set-Cookie": clearSessionCookie(context.env) } });
}

export const loader = () => redirect("/");
