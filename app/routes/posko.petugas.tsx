// The officer roster of the command post (`/posko/petugas?wilayah=&filter=&silentMinutes=&page=`): who is posted
// at which TPS of the caller's area, when the TPS checked in, how long its phone has been silent, who was
// replaced, with each officer's phone to call; a supervisor, operator or admin puts a reserve in or moves an
// officer from here. Kept current by live events (`officer:changed`, check-ins, TPS updates).
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useRevalidator } from "@remix-run/react";
import { useCallback } from "react";
import { PoskoNav } from "~/components/posko-nav";
import { Time } from "~/components/time";
import { useLive } from "~/components/use-live";
import type { LiveEvent } from "~/lib/events";
import { formatNumber } from "~/lib/format";
import { commandPostMessages } from "~/lib/messages/command-post";
import { commonMessages } from "~/lib/messages/common";
import { rosterMessages } from "~/lib/messages/roster";
import { PhoneLink } from "~/components/phone-link";
import { isProblem } from "~/lib/problems";
import { changeLine, ROSTER_FILTERS, ROSTER_PAGE, silentMinutes, type RosterFilter } from "~/lib/roster";
import { regionLabel } from "~/lib/regions";
import { readOfficerChange } from "~/lib/schemas/roster";
import { useLang, useT } from "~/lib/use-t";
import { getRegion } from "~/models/election.server";
import { headSeq } from "~/models/events.server";
import { listRoster, rosterChanges } from "~/models/roster.server";
import { TopBar } from "~/root";
import { readForm } from "~/utils/admin.server";
import { requestLang } from "~/utils/lang.server";
import { pageAction } from "~/utils/page-action.server";
import { can, canManageOfficerAt, requirePageUser } from "~/utils/permissions.server";
import { changeOfficer, rosterParams, rosterWindow } from "~/utils/roster.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePageUser(request, context.sql, "roster:read");
  let params;
  try {
    params = rosterParams(new URL(request.url), user);
  } catch (error) {
    if (isProblem(error)) throw new Response("Bad Request", { status: 400 });
    throw error;
  }
  const now = new Date();
  const seq = await headSeq(context.sql);
  const { rows, total } = await listRoster(context.sql, { ...params, now, ...rosterWindow(params) });
  const changes = await rosterChanges(context.sql, { tpsCodes: rows.filter((r) => r.changes).map((r) => r.tpsCode) });
  const region = params.area ? await getRegion(context.sql, { code: params.area }) : undefined;
  return {
    seq,
    areaName: region ? regionLabel(region.kind, region.name) : params.area,
    role: user.role,
    params,
    total,
    now: now.toISOString(),
    rows: rows.map((r) => ({
      ...r,
      mayChange: canManageOfficerAt(user, { code: r.tpsCode, kelurahanCode: r.kelurahanCode }),
      history: changes.filter((c) => c.tpsCode === r.tpsCode),
    })),
    mayManage: can(user, "roster:manage"),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePageUser(request, context.sql, "roster:manage");
  const lang = requestLang(request);
  const form = await readForm(request);
  return pageAction(lang, async () =>
    changeOfficer(context, user, readOfficerChange(Object.fromEntries([...form].map(([k, v]) => [k, String(v)])))),
  );
}

/** A roster address with some parameters changed. */
function rosterHref(params: { area: string | null; filter: RosterFilter; silentMinutes: number; page: number }) {
  const q = new URLSearchParams();
  if (params.area) q.set("wilayah", params.area);
  if (params.filter !== "all") q.set("filter", params.filter);
  if (params.filter === "silent") q.set("silentMinutes", String(params.silentMinutes));
  if (params.page > 1) q.set("page", String(params.page));
  const s = q.toString();
  return s ? `?${s}` : "";
}

export default function Roster() {
  const { seq, role, params, areaName, total, rows, now, mayManage } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT(rosterMessages, commandPostMessages, commonMessages);
  const lang = useLang();
  const busy = useNavigation().state !== "idle";
  const revalidator = useRevalidator();
  const onEvents = useCallback(
    (events: LiveEvent[]) => {
      if (events.some((e) => e.type === "officer:changed" || e.type === "checkin:created" || e.type === "tps:updated"))
        revalidator.revalidate();
    },
    [revalidator],
  );
  const status = useLive({ seq, onEvents });
  const at = new Date(now);
  const pages = Math.max(1, Math.ceil(total / ROSTER_PAGE));
  return (
    <>
      <TopBar title={t("posko.title")} />
      <PoskoNav role={role} />
      <main className="page wide roster">
        <h1>
          {t("roster.title")}
          {areaName ? ` · ${areaName}` : ""}
        </h1>
        <p className="muted small">{t("roster.intro")}</p>
        <p className={`live-status ${status}`} role="status">
          {status === "live" ? `● ${t("posko.live")}` : t("posko.reconnecting")}
        </p>
        <Form method="get" className="row roster-filters" data-testid="roster-filters">
          {params.area ? <input type="hidden" name="wilayah" value={params.area} /> : null}
          <label>
            {t("roster.filter")}{" "}
            <select name="filter" defaultValue={params.filter}>
              {ROSTER_FILTERS.map((f) => (
                <option key={f} value={f}>
                  {t(`roster.filter.${f}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t("roster.silentMinutes")}{" "}
            <input
              name="silentMinutes"
              type="number"
              inputMode="numeric"
              min={0}
              max={1440}
              defaultValue={params.silentMinutes}
              className="short"
            />
          </label>
          <button type="submit">{t("roster.apply")}</button>
          <a className="button" href={`/api/v1/officers.csv${rosterHref({ ...params, page: 1 })}`} download>
            {t("roster.csv")}
          </a>
        </Form>
        {result ? (
          result.ok ? (
            <p role="status" className="notice" data-testid="roster-result">
              {result.value.action === "replace"
                ? t("roster.replaced", { name: result.value.name, tps: result.value.tpsCode, pin: result.value.pin })
                : t("roster.moved", { name: result.value.name, from: result.value.from, to: result.value.to })}
            </p>
          ) : (
            <p role="alert" className="error">
              {result.message}
            </p>
          )
        ) : null}
        <p className="small" data-testid="roster-count">
          {t("roster.count", { shown: formatNumber(rows.length, lang), total: formatNumber(total, lang) })}
        </p>
        {rows.length === 0 ? (
          <p className="muted">{t("roster.empty")}</p>
        ) : (
          <table className="data-table roster-table" data-testid="roster">
            <thead>
              <tr>
                <th>{t("roster.tps")}</th>
                <th>{t("roster.kelurahan")}</th>
                <th>{t("roster.officer")}</th>
                <th>{t("roster.phone")}</th>
                <th>{t("roster.checkedIn")}</th>
                <th>{t("roster.lastSeen")}</th>
                {mayManage ? <th /> : null}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => {
                const silent = silentMinutes(r.lastSeenAt, at);
                return (
                  <tr key={r.tpsCode} data-testid={`roster-${r.tpsCode}`}>
                    <td className="tps-code">{r.tpsCode}</td>
                    <td>
                      {r.kelurahan}
                      <div className="muted small">{r.kecamatan}</div>
                    </td>
                    <td>
                      {r.vacantSince ? (
                        <span className="badge status-conflict">{t("roster.vacantBadge")}</span>
                      ) : (
                        (r.name ?? <span className="muted">{t("roster.unnamed")}</span>)
                      )}
                      {r.history.length ? (
                        <ul className="roster-history small muted">
                          {r.history.map((c, i) => (
                            <li key={i}>{changeLine(c, lang)}</li>
                          ))}
                        </ul>
                      ) : null}
                    </td>
                    <td>
                      <PhoneLink phone={r.vacantSince ? null : r.phone} name={r.name ?? r.tpsCode} />
                    </td>
                    <td className="small">
                      {r.checkedInAt ? (
                        <Time iso={r.checkedInAt} time seconds={false} />
                      ) : (
                        <span className="muted">{t("roster.notYet")}</span>
                      )}
                    </td>
                    <td className="small">
                      {r.lastSeenAt ? (
                        <>
                          <Time iso={r.lastSeenAt} time seconds={false} />
                          <div className={silent !== null && silent > params.silentMinutes ? "error" : "muted"}>
                            {t("roster.silentFor", { minutes: formatNumber(silent ?? 0, lang) })}
                          </div>
                        </>
                      ) : (
                        <span className="muted">{t("roster.never")}</span>
                      )}
                    </td>
                    {mayManage ? (
                      <td>
                        {r.mayChange ? (
                          <ChangeForms key={r.changes} tpsCode={r.tpsCode} vacant={!!r.vacantSince} busy={busy} />
                        ) : null}
                      </td>
                    ) : null}
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
        {pages > 1 ? (
          <nav className="row pager" aria-label="pages">
            {params.page > 1 ? (
              <Link to={rosterHref({ ...params, page: params.page - 1 })}>{t("roster.prev")}</Link>
            ) : null}
            <span className="small">
              {formatNumber(params.page, lang)} / {formatNumber(pages, lang)}
            </span>
            {params.page < pages ? (
              <Link to={rosterHref({ ...params, page: params.page + 1 })}>{t("roster.next")}</Link>
            ) : null}
          </nav>
        ) : null}
      </main>
    </>
  );
}

/** Put a reserve in (or someone at a vacant TPS), or move the officer to another TPS. */
function ChangeForms({ tpsCode, vacant, busy }: { tpsCode: string; vacant: boolean; busy: boolean }) {
  const t = useT(rosterMessages);
  return (
    <details className="roster-change">
      <summary>{t("roster.replace")}</summary>
      <Form method="post" className="stack" data-testid={`replace-${tpsCode}`}>
        <input type="hidden" name="action" value="replace" />
        <input type="hidden" name="tpsCode" value={tpsCode} />
        <label>
          {t("roster.newName")}
          <input name="name" required maxLength={120} autoComplete="off" />
        </label>
        <label>
          {t("roster.newPhone")}
          <input name="phone" type="tel" inputMode="tel" maxLength={30} autoComplete="off" />
        </label>
        <label>
          {t("roster.reason")}
          <input name="reason" required maxLength={500} />
        </label>
        <button type="submit" className="primary" disabled={busy}>
          {t("roster.save")}
        </button>
      </Form>
      {vacant ? null : (
        <Form method="post" className="stack" data-testid={`move-${tpsCode}`}>
          <strong className="small">{t("roster.move")}</strong>
          <input type="hidden" name="action" value="move" />
          <input type="hidden" name="tpsCode" value={tpsCode} />
          <label>
            {t("roster.moveTo")}
            <input name="to" required maxLength={20} pattern="\d{10}-\d{3}" autoComplete="off" />
          </label>
          <label>
            {t("roster.reason")}
            <input name="reason" required maxLength={500} />
          </label>
          <button type="submit" disabled={busy}>
            {t("roster.save")}
          </button>
        </Form>
      )}
    </details>
  );
}
