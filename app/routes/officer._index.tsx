import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { DayStatusCard } from "~/components/day-status";
import { OfficerNav } from "~/components/officer-nav";
import { OfflineReadiness } from "~/components/offline-ready";
import { OutboxPanel } from "~/components/outbox-panel";
import type { DayStatus } from "~/lib/events";
import { c1FormMessages } from "~/lib/messages/c1-form";
import { commonMessages } from "~/lib/messages/common";
import { officerMessages } from "~/lib/messages/officer";
import { tpsStatusMessages } from "~/lib/messages/tps-status";
import { useT } from "~/lib/use-t";
import { getOfficerHome } from "~/models/officer.server";
import { listPhotosFor } from "~/models/photos.server";
import { regionLabel } from "~/lib/regions";
import { TopBar } from "~/root";
import { requirePageUser } from "~/utils/permissions.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePageUser(request, context.sql, "officer:app");
  const home = await getOfficerHome(context.sql, { tpsCode: user.tpsCode! });
  // C1 photos that arrived for each submission
  const photos = await listPhotosFor(context.sql, { quickCountIds: home.submissions.map((s) => s.id) });
  const count = (id: string) => photos.filter((p) => p.quickCountId === id).length;
  return { ...home, submissions: home.submissions.map((s) => ({ ...s, photos: count(s.id) })) };
}

export default function OfficerHome() {
  const { tps, contests, submissions } = useLoaderData<typeof loader>();
  const t = useT(tpsStatusMessages, officerMessages, c1FormMessages, commonMessages);
  return (
    <>
      <TopBar title={t("officer.myTps")} />
      <main className="page phone">
        <section className="card" aria-labelledby="tps-heading">
          <h1 id="tps-heading" className="tps-code">
            TPS {tps.code}
          </h1>
          <OfflineReadiness />
          <p>{tps.address}</p>
          <p className="muted">
            {regionLabel(tps.kelurahanKind, tps.kelurahanName)}, {regionLabel("kecamatan", tps.kecamatanName)}
          </p>
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

        <OutboxPanel />

        <DayStatusCard tpsCode={tps.code} dayStatus={tps.dayStatus as DayStatus} />

        <OfficerNav />

        <section className="card">
          <h2>{t("cform.ballots")}</h2>
          <ul className="contest-list">
            {contests.map((c) => (
              <li key={c.code} data-testid={`contest-${c.code}`}>
                <div>
                  <strong>{c.name}</strong>
                  <span className={`badge status-${c.status}`} data-testid={`status-${c.code}`}>
                    {t(`status.${c.status}`)}
                  </span>
                </div>
                {c.completeness ? (
                  <p className="ballot-state" data-testid={`completeness-${c.code}`}>
                    <span className={`badge completeness-${c.completeness}`}>
                      {t(`cform.completeness.${c.completeness}`)}
                    </span>
                    {c.photos ? (
                      <span className="muted small">{t("cform.photoCount", { n: c.photos })}</span>
                    ) : (
                      <span className="warning small">{t("cform.missingPhoto")}</span>
                    )}
                  </p>
                ) : null}
                {c.status !== "verified" ? (
                  <div className="button-column">
                    <a className="button primary big" href={`/officer/quick-count/${c.code}`}>
                      {c.status === "missing" ? t("officer.enter") : t("officer.correct")}
                    </a>
                    <a
                      className={`button big${c.completeness === "quick" ? " primary" : ""}`}
                      href={`/officer/c-hasil/${c.code}`}
                    >
                      {c.completeness === "complete" ? t("cform.reopen") : t("cform.open")}
                    </a>
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
        </section>

        <section className="card">
          <h2>{t("officer.mySubmissions")}</h2>
          {submissions.length === 0 ? (
            <p className="muted">{t("officer.none")}</p>
          ) : (
            <ul className="submissions" data-testid="submissions">
              {submissions.map((s) => (
                <li key={s.id}>
                  <span>
                    {s.contest} #{s.revision}
                    {s.photos ? <span className="muted small"> · {t("qc.photoCount", { n: s.photos })}</span> : null}
                  </span>
                  <span className="muted small">{new Date(s.receivedAt).toLocaleTimeString()}</span>
                  <span className={`badge status-${s.status}`}>
                    {s.status === "replaced" ? "—" : t(`status.${s.status}`)}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </main>
    </>
  );
}
