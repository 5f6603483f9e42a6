// The hearing schedule of process disputes (`/sengketa/jadwal?from=YYYY-MM-DD&days=N`): mediation sessions
// and adjudication hearings of the case officer's region by day, on the election's clock, from today by default.
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useRevalidator } from "@remix-run/react";
import { useCallback } from "react";
import { PoskoNav } from "~/components/posko-nav";
import { useLive } from "~/components/use-live";
import { electionDate, nextDate } from "~/lib/deadlines";
import type { LiveEvent } from "~/lib/events";
import { formatDate, formatTime, fromElectionWallClock } from "~/lib/format";
import { caseworkNavMessages } from "~/lib/messages/casework-nav";
import { disputeMessages } from "~/lib/messages/disputes";
import { useLang, useT } from "~/lib/use-t";
import { hearingsBetween } from "~/models/disputes.server";
import { headSeq } from "~/models/events.server";
import { TopBar } from "~/root";
import { wholeNumberParam } from "~/utils/params.server";
import { areaOf, requirePageUser } from "~/utils/permissions.server";
import { isProblem } from "~/lib/problems";
import { isRealDate } from "~/lib/schemas/disputes";
import disputeStyles from "~/disputes.css?url";

export const meta: MetaFunction = () => [{ title: "Pantau — Jadwal sidang sengketa" }];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: disputeStyles }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePageUser(request, context.sql, "dispute:handle");
  const url = new URL(request.url);
  const asked = url.searchParams.get("from") ?? "";
  const today = electionDate(new Date().toISOString());
  const from = isRealDate(asked) ? asked : today;
  let days: number;
  try {
    days = wholeNumberParam(url, "days", { min: 1, max: 62, fallback: 14 })!;
  } catch (error) {
    if (isProblem(error)) throw new Response("Bad Request", { status: 400 });
    throw error;
  }
  let last = from;
  for (let i = 0; i < days; i++) last = nextDate(last);
  const [hearings, seq] = await Promise.all([
    hearingsBetween(context.sql, {
      area: areaOf(user),
      from: fromElectionWallClock(`${from}T00:00`)!,
      to: fromElectionWallClock(`${last}T00:00`)!,
    }),
    headSeq(context.sql),
  ]);
  const byDay = new Map<string, typeof hearings>();
  for (const h of hearings) {
    const day = electionDate(h.startsAt);
    byDay.set(day, [...(byDay.get(day) ?? []), h]);
  }
  return { seq, role: user.role, from, days, byDay: [...byDay.entries()] };
}

export default function HearingSchedule() {
  const { seq, role, from, days, byDay } = useLoaderData<typeof loader>();
  const t = useT(disputeMessages, caseworkNavMessages);
  const lang = useLang();
  const revalidator = useRevalidator();
  const onEvents = useCallback(
    (events: LiveEvent[]) => {
      if (events.some((e) => e.type === "dispute:changed")) revalidator.revalidate();
    },
    [revalidator],
  );
  useLive({ seq, onEvents });
  return (
    <>
      <TopBar title={t("dispute.nav")} />
      <PoskoNav role={role} />
      <main className="page wide">
        <p className="small">
          <Link to="/sengketa">← {t("dispute.back")}</Link>
        </p>
        <h1>{t("dispute.schedule.title")}</h1>
        <p className="muted small">{t("dispute.schedule.intro")}</p>
        <Form method="get" className="row dispute-filters">
          <label>
            {t("dispute.schedule.from")}
            <input type="date" name="from" defaultValue={from} />
          </label>
          <label>
            {t("dispute.schedule.days")}
            <input type="number" name="days" min={1} max={62} defaultValue={days} className="short" />
          </label>
          <button type="submit">{t("dispute.filter.apply")}</button>
        </Form>
        {byDay.length === 0 ? <p className="muted">{t("dispute.schedule.empty")}</p> : null}
        <div data-testid="hearing-schedule">
          {byDay.map(([day, hearings]) => (
            <section key={day} className="schedule-day">
              <h2>{formatDate(fromElectionWallClock(`${day}T12:00`)!.toISOString(), lang)}</h2>
              <table className="data-table">
                <tbody>
                  {hearings.map((h) => (
                    <tr key={h.id} data-testid={`hearing-${h.id}`}>
                      <td className="small">{formatTime(h.startsAt, lang)}</td>
                      <td>
                        <strong>{t(`dispute.hearing.${h.kind}`)}</strong>
                        {h.afterDeadline ? (
                          <div className="badge deadline-overdue">{t("dispute.hearing.afterDeadline")}</div>
                        ) : null}
                      </td>
                      <td>
                        <Link to={`/sengketa/${h.disputeId}`}>{h.registerNumber ?? t("dispute.notRegistered")}</Link>
                        <div className="small muted">
                          {h.applicantName} — {h.respondent}
                        </div>
                      </td>
                      <td>{h.place}</td>
                      <td className="small">{h.agenda}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          ))}
        </div>
      </main>
    </>
  );
}
