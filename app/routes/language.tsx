import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { DEFAULT_LANG, isLang } from "~/lib/i18n";
import { LANG_COOKIE } from "~/utils/lang.server";
import { safeRedirect } from "./login";

export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const value = form.get("lang");
  const lang = isLang(value) ? value : DEFAULT_LANG;
  return redirect(safeRedirect(form.get("redirectTo"), "/"), {
    headers: { "Set-Cookie": `${LANG_COOKIE}=${lang}; Path=/; SameSite=Lax; Max-Age=31536000` },
  });
}

export const loader = () => redirect("/");
