// The verification queue: conflicting and flagged results and paper-entry conflicts in
// the reviewer's area, and the TPS whose result is still a quick entry only, kept current by live events.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData, useRevalidator } from "@remix-run/react";
import { useCallback } from "react";
import { PoskoNav } from "~/components/posko-nav";
import { Time } from "~/components/time";
import { useLiveConnection } from "~/components/use-live";
import { LiveStatusLine } from "~/components/posko/live-status";
import type { LiveEvent } from "~/lib/events";
import { commandPostMessages } from "~/lib/messages/command-post";
import { commonMessages } from "~/lib/messages/common";
import { reviewMessages } from "~/lib/messages/review";
import { tpsStatusMessages } from "~/lib/messages/tps-status";
import { useT } from "~/lib/use-t";
import { headSeq } from "~/models/events.server";
import { listContests } from "~/models/election.server";
import { listQuickOnly } from "~/models/quick-only.server";
import { reviewQueue } from "~/models/review.server";
import { TopBar } from "~/root";
import { requirePageView } from "~/utils/permissions.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user, view } = await requirePageView(request, context.sql, "result:review");
  const seq = await headSeq(context.sql);
  const [queue, quickOnly, contests] = await Promise.all([
    reviewQueue(context.sql, { scope: view.scope }),
    listQuickOnly(context.sql, { scope: view.scope }),
    listContests(context.sql),
  ]);
  // Contests by name, never by code, on the command post.
  const contestNames = Object.fromEntries(contests.map((c) => [c.code, c.name]));
  return { seq, role: user.role, queue, quickOnly, contestNames };
}

export default function ReviewQueue() {
  const { seq, role, queue, quickOnly, contestNames } = useLoaderData<typeof loader>();
  const t = useT(tpsStatusMessages, commandPostMessages, reviewMessages, commonMessages);
  const revalidator = useRevalidator();
  const onEvents = useCallback(
    (events: LiveEvent[]) => {
      if (events.some((e) => e.type === "result:updated" || e.type === "paper:updated")) revalidator.revalidate();
    },
    [revalidator],
  );
  const { status, heard } = useLiveConnection({ seq, onEvents });
  return (
    <>
      <TopBar title={t("posko.title")} />
      <PoskoNav role={role} />
      <main className="page wide">
        <h1>{t("review.title", { count: queue.length })}</h1>
        <LiveStatusLine status={status} heard={heard} />
        {queue.length === 0 ? (
          <p className="muted">{t("review.empty")}</p>
        ) : (
          <table className="data-table" data-testid="review-queue">
            <thead>
              <tr>
                <th>TPS</th>
                <th>{t("paper.contest")}</th>
                <th>{t("map.status")}</th>
                <th>{t("review.since")}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {queue.map((q) => (
                <tr key={`${q.kind}-${q.tpsCode}-${q.contest}`} data-testid={`review-${q.tpsCode}-${q.contest}`}>
                  <td className="tps-code">{q.tpsCode}</td>
                  <td>{contestNames[q.contest] ?? q.contest}</td>
                  <td>
                    <span className={`badge status-${q.status === "paper_conflict" ? "conflict" : q.status}`}>
                      {q.status === "paper_conflict" ? t("review.paperConflict") : t(`status.${q.status}`)}
                    </span>
                  </td>
                  <td className="small">
                    <Time iso={q.updatedAt} time />
                  </td>
                  <td>
                    <Link to={`/posko/verifikasi/${q.tpsCode}/${q.contest}`}>{t("review.open")}</Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <section className="quick-only" data-testid="quick-only">
          <h2>{t("posko.quickOnly")}</h2>
          {quickOnly.length === 0 ? <p className="muted small">{t("posko.quickOnlyNone")}</p> : null}
          {quickOnly.map((c) => (
            <div key={c.contest} data-testid={`quick-only-${c.contest}`}>
              <p className="small">
                <strong>{t("posko.quickOnlyCount", { contest: c.name, count: c.count })}</strong>
              </p>
              <p className="small quick-only-codes">
                {c.tps.map((code) => (
                  <Link key={code} to={`/posko/verifikasi/${code}/${c.contest}`}>
                    {code}
                  </Link>
                ))}
                {c.count > c.tps.length ? (
                  <span className="muted"> {t("posko.quickOnlyMore", { count: c.count - c.tps.length })}</span>
                ) : null}
              </p>
            </div>
          ))}
        </section>
      </main>
    </>
  );
}
