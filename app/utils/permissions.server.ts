// The gatekeeper of every route, page and socket: who is asking (the session, app/utils/auth.server.ts)
// and whether they may (the rules, app/lib/access.ts). A "no" is raised here and only here: 401 without a
// session, 403 for a role or area that may not (as problems: app/lib/problems.ts), a login redirect or a
// 403 page for pages.
import { redirect } from "@remix-run/node";
import type { Sql } from "postgres";
import { can, contestViewOf, eventViewOf, viewOf, type AccessUser, type Permission } from "~/lib/access";
import type { SessionUser } from "~/models/users.server";
import { CHANGE_SECRET_PATH, getRequestUser } from "./auth.server";
import { ACCOUNT_HEADER } from "~/lib/outbox";
import { problem } from "~/lib/problems";

export * from "~/lib/access";

/** Why a request is refused: a role without the right, or a TPS or area outside the user's own. */
export type Denial = "forbidden" | "other_area" | "other_tps";

/** The problem (a 403 at the boundary) for a refusal. */
export function denied(user: AccessUser, why: Denial = "forbidden") {
  if (why === "other_tps") return problem.otherTps(user.tpsCode);
  if (why === "other_area") return problem.otherArea();
  return problem.forbidden();
}

/** Throws the 403 unless `allowed`. */
export function requireAccess(user: AccessUser, allowed: boolean, why: Denial = "forbidden") {
  if (!allowed) throw denied(user, why);
}

/** A refusal about a place: a supervisor hears it is outside their area, anyone else that it is forbidden. */
export const placeDenial = (user: AccessUser): Denial => (user.role === "supervisor" ? "other_area" : "forbidden");

/**
 * For API routes: the caller, or 401 without a valid session; 409 `other_account` when the request names
 * another account than the session's (ACCOUNT_HEADER: an officer's phone sends each outbox item for the
 * account that made it, and a shared phone must never deliver one officer's report under another's session).
 */
export async function requireUser(request: Request, sql: Sql): Promise<SessionUser> {
  const user = await getRequestUser(request, sql);
  if (!user) throw problem.unauthenticated();
  if (user.mustChangeSecret) throw problem.secretChangeRequired();
  const named = request.headers.get(ACCOUNT_HEADER);
  if (named !== null && named !== String(user.id)) throw problem.otherAccount();
  return user;
}

/** For API routes: the caller if they hold `permission`; 401 without a session, 403 without the right. */
export async function requireUserWithPermission(request: Request, sql: Sql, permission: Permission) {
  const user = await requireUser(request, sql);
  requireAccess(user, can(user, permission));
  return user;
}

/** For API routes that read results: the caller and what they may see (403 for roles without a view). */
export async function requireResultsView(request: Request, sql: Sql) {
  const user = await requireUser(request, sql);
  const view = viewOf(user);
  if (!view) throw denied(user);
  return { user, view };
}

/** For routes the public may use too: the caller, or null without a session (the rules then decide). */
export async function findUser(request: Request, sql: Sql): Promise<SessionUser | null> {
  return signedIn(await getRequestUser(request, sql));
}

/** A session with a one-time secret counts as none where the public may go too: it opens nothing more. */
const signedIn = (user: SessionUser | null) => (user?.mustChangeSecret ? null : user);

/** For GET /api/v1/contests: the contests' view of the caller, who may be anyone (no session: the public). */
export async function requireContestView(request: Request, sql: Sql) {
  return contestViewOf(signedIn(await getRequestUser(request, sql)));
}

/** For GET /api/v1/events: the caller and the events they may replay (403 for accounts without any). */
export async function requireEventView(request: Request, sql: Sql) {
  const user = await requireUser(request, sql);
  const view = eventViewOf(user);
  if (!view) throw denied(user);
  return { user, view };
}

/** For pages: to the login page without a session, a 403 page without `permission`. */
export async function requirePageUser(request: Request, sql: Sql, permission?: Permission): Promise<SessionUser> {
  const user = await getRequestUser(request, sql);
  if (!user) {
    const url = new URL(request.url);
    throw redirect(`/login?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
  }
  if (user.mustChangeSecret) throw redirect(CHANGE_SECRET_PATH);
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
