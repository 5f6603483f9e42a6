// The gatekeeper of every route, page and socket: who is asking (the session, app/utils/auth.server.ts)
// and whether they may (the rules, app/lib/access.ts). A "no" is raised here and only here: 401 without a
// session, 403 for a role or area that may not, a login redirect or a 403 page for pages.
import { redirect } from "@remix-run/node";
import type { Sql } from "postgres";
import { can, eventViewOf, viewOf, type AccessUser, type Permission } from "~/lib/access";
import type { Lang } from "~/lib/i18n";
import type { SessionUser } from "~/models/users.server";
import { getRequestUser } from "./auth.server";
import { apiError } from "./http.server";

export * from "~/lib/access";

/** Why a request is refused: a role without the right, or a TPS or area outside the user's own. */
export type Denial = "forbidden" | "other_area" | "other_tps";

/** The 403 for a refusal, in the caller's language. */
export function denied(lang: Lang, user: AccessUser, why: Denial = "forbidden") {
  if (why === "other_tps") return apiError(lang, 403, "other_tps", "api.otherTps", { tps: user.tpsCode ?? "-" });
  if (why === "other_area") return apiError(lang, 403, "other_area", "api.otherArea");
  return apiError(lang, 403, "forbidden", "api.forbidden");
}

/** Throws the 403 unless `allowed`. */
export function requireAccess(lang: Lang, user: AccessUser, allowed: boolean, why: Denial = "forbidden") {
  if (!allowed) throw denied(lang, user, why);
}

/** A refusal about a place: a supervisor hears it is outside their area, anyone else that it is forbidden. */
export const placeDenial = (user: AccessUser): Denial => (user.role === "supervisor" ? "other_area" : "forbidden");

/** For API routes: the caller, or 401 without a valid session. */
export async function requireUser(request: Request, sql: Sql, lang: Lang): Promise<SessionUser> {
  const user = await getRequestUser(request, sql);
  if (!user) throw apiError(lang, 401, "unauthenticated", "api.unauthenticated");
  return user;
}

/** For API routes: the caller if they hold `permission`; 401 without a session, 403 without the right. */
export async function requireUserWithPermission(request: Request, sql: Sql, lang: Lang, permission: Permission) {
  const user = await requireUser(request, sql, lang);
  requireAccess(lang, user, can(user, permission));
  return user;
}

/** For API routes that read results: the caller and what they may see (403 for roles without a view). */
export async function requireResultsView(request: Request, sql: Sql, lang: Lang) {
  const user = await requireUser(request, sql, lang);
  const view = viewOf(user);
  if (!view) throw denied(lang, user);
  return { user, view };
}

/** For GET /api/v1/events: the caller and the events they may replay (403 for accounts without any). */
export async function requireEventView(request: Request, sql: Sql, lang: Lang) {
  const user = await requireUser(request, sql, lang);
  const view = eventViewOf(user);
  if (!view) throw denied(lang, user);
  return { user, view };
}

/** For pages: to the login page without a session, a 403 page without `permission`. */
export async function requirePageUser(request: Request, sql: Sql, permission?: Permission): Promise<SessionUser> {
  const user = await getRequestUser(request, sql);
  if (!user) {
    const url = new URL(request.url);
    throw redirect(`/login?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
  }
  if (permission) requirePageAccess(can(user, permission));
  return user;
}

/** For pages: a 403 page unless `allowed`. */
export function requirePageAccess(allowed: boolean) {
  if (!allowed) throw new Response("Forbidden", { status: 403 });
}

/** For pages of the command post: the user with their results view (every such role has one). */
export async function requirePageView(request: Request, sql: Sql, permission: Permission) {
  const user = await requirePageUser(request, sql, permission);
  const view = viewOf(user);
  requirePageAccess(!!view);
  return { user, view: view! };
}
