import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useEffect, useState } from "react";
import { dayStatusOf, DayStatusCard } from "~/components/day-status";
import { BallotList, latestQuickCounts, type Ballot } from "~/components/officer-home/ballots";
import { BroadcastList } from "~/components/officer-home/broadcasts";
import { NextStepCard } from "~/components/officer-home/next-step";
import { answeredPhases, ChecklistReminder } from "~/components/officer-home/checklist-reminder";
import { SubmissionList } from "~/components/officer-home/submissions";
import { OfficerNav, useOfficer } from "~/components/officer-nav";
import { OfflineReadiness } from "~/components/offline-ready";
import { OutboxPanel } from "~/components/outbox-panel";
import type { DayStatus } from "~/lib/events";
import { c1FormMessages } from "~/lib/messages/c1-form";
import { commonMessages } from "~/lib/messages/common";
import { officerMessages } from "~/lib/messages/officer";
import { officerHomeMessages } from "~/lib/messages/officer-home";
import { tpsStatusMessages } from "~/lib/messages/tps-status";
import { nextStep, phaseOf } from "~/lib/officer-next-step";
import { unsent } from "~/lib/outbox";
import { useOutbox } from "~/lib/outbox-client";
import { useT } from "~/lib/use-t";
import { listForTps, markDelivered } from "~/models/broadcasts.server";
import { headSeq } from "~/models/events.server";
import { getOfficerDay } from "~/models/officer-actions.server";
import { getOfficerHome } from "~/models/officer.server";
import { listPhotosFor } from "~/models/photos.server";
import { getSetting } from "~/models/settings.server";
import { regionLabel } from "~/lib/regions";
import { TopBar } from "~/root";
import { requirePageUser } from "~/utils/permissions.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePageUser(request, context.sql, "officer:app");
  const tpsCode = user.tpsCode!;
  // The head first: a broadcast sent after it arrives live, one sent before is in the list.
  const seq = await headSeq(context.sql);
  const [home, day, times, broadcasts] = await Promise.all([
    getOfficerHome(context.sql, { tpsCode }),
    getOfficerDay(context.sql, { tpsCode }),
    getSetting(context.sql, "election.times"),
    listForTps(context.sql, { tpsCode }),
  ]);
  // Opening the app is how a broadcast reaches an officer who was offline: it is delivered now.
  if (broadcasts.some((b) => !b.delivered)) await context.writer.write((ctx) => markDelivered(ctx, { tpsCode }));
  // C1 photos that arrived for each submission
  const photos = await listPhotosFor(context.sql, { quickCountIds: home.submissions.map((s) => s.id) });
  const count = (id: string) => photos.filter((p) => p.quickCountId === id).length;
  return {
    ...home,
    submissions: home.submissions.map((s) => ({ ...s, photos: count(s.id) })),
    checkedIn: day.checkin !== null,
    checklistDone: day.checklist.every((i) => i.ok !== null),
    // Held by the page, so the checklist reminder works offline too.
    checklistPhases: day.phases,
    answeredPhases: [...new Set(day.answers.map((a) => a.phase))],
    times: { opening: times.opening, closing: times.closing },
    now: new Date().toISOString(),
    broadcasts,
    seq,
    account: user.id,
  };
}

/** The clock the next step is chosen by: the server's at first (so the page hydrates as rendered), then the phone's. */
function useClock(serverNow: string) {
  const [now, setNow] = useState(() => new Date(serverNow));
  useEffect(() => {
    setNow(new Date());
    const timer = setInterval(() => setNow(new Date()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

export default function OfficerHome() {
  const {
    tps,
    contests,
    submissions,
    checkedIn,
    checklistDone,
    times,
    now: serverNow,
    broadcasts,
    seq,
    account,
    checklistPhases,
    answeredPhases: serverAnswered,
  } = useLoaderData<typeof loader>();
  const t = useT(tpsStatusMessages, officerMessages, officerHomeMessages, c1FormMessages, commonMessages);
  const now = useClock(serverNow);
  const { items } = useOutbox(useOfficer());
  const day = dayStatusOf(items, tps.dayStatus as DayStatus);

  const latest = latestQuickCounts(items);
  const ballots: Ballot[] = contests.map((c) => {
    const current = submissions.find((s) => s.contest === c.code && s.status !== "replaced");
    return { ...c, current: current ? { votes: current.votes, invalid: current.invalid } : null };
  });
  const waiting = unsent(items);
  const refused = waiting.find((i) => i.state === "rejected");
  const state = {
    dayStatus: day.shown,
    checkedIn: checkedIn || items.some((i) => i.kind === "checkin" && i.state !== "rejected"),
    checklistDone: checklistDone || items.some((i) => i.kind === "checklist" && i.state !== "rejected"),
    ballots: ballots.map((b) => ({ ...b, outbox: latest.get(b.code)?.state ?? null })),
    pending: waiting.filter((i) => i.state === "pending").length,
    refused: refused ? { fixUrl: refused.fixUrl ?? null } : null,
  };
  const phase = phaseOf(state, now, times);
  const step = nextStep(state, phase);
  const contestName = (code: string) => contests.find((c) => c.code === code)?.name ?? code;
  const leading = step.kind === "open" ? "open" : step.kind === "count" ? "counting" : null;
  const dayCard = <DayStatusCard tpsCode={tps.code} day={day} leading={leading} />;
  const ballotList = <BallotList ballots={ballots} latest={latest} />;
  const resultsFirst = phase === "counting" || phase === "done";
  return (
    <>
      <TopBar title={t("officer.myTps")} />
      <main className="page phone">
        <header className="tps-heading">
          <h1 id="tps-heading" className="tps-code">
            TPS {tps.code}
          </h1>
          <OfflineReadiness />
          <p className="muted small">
            {regionLabel(tps.kelurahanKind, tps.kelurahanName)}, {regionLabel("kecamatan", tps.kecamatanName)}
          </p>
        </header>

        <NextStepCard step={step} tpsCode={tps.code} times={times} contestName={contestName} />

        <BroadcastList initial={broadcasts} seq={seq} tpsCode={tps.code} account={account} outbox={items} />

        {resultsFirst ? ballotList : dayCard}
        {/* After the first card: the step and what it needs stay in view on a small phone. */}
        <ChecklistReminder
          phases={checklistPhases}
          answered={answeredPhases(serverAnswered, items)}
          now={now}
          tpsCode={tps.code}
        />
        {resultsFirst ? dayCard : ballotList}

        <OutboxPanel />

        <OfficerNav />

        <SubmissionList submissions={submissions} contestName={contestName} />

        <section className="card" aria-labelledby="facts-heading">
          <h2 id="facts-heading">{t("home.tpsFacts")}</h2>
          <p>{tps.address}</p>
          <dl className="facts">
            <div>
              <dt>{t("officer.voters")}</dt>
              <dd>{tps.dpt}</dd>
            </div>
            <div>
              <dt>{t("officer.dptb")}</dt>
              <dd>{tps.dptb}</dd>
            </div>
            <div>
              <dt>{t("officer.dpk")}</dt>
              <dd>{tps.dpk}</dd>
            </div>
          </dl>
        </section>
      </main>
    </>
  );
}
