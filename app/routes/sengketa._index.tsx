// The register of process disputes (buku register, `/sengketa?wilayah=&state=&from=&to=&q=`): the petitions
// against KPU decisions of the case officer's region, with number, dates, parties, object, stage, outcome and
// the running deadline (due soon and overdue marked); filters shared with the CSV and the printed register.
// Kept current by `dispute:changed`, which reaches the case officers of the region only.
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useRevalidator } from "@remix-run/react";
import { useCallback } from "react";
import { RegisterTable } from "~/components/disputes/register-table";
import { PoskoNav } from "~/components/posko-nav";
import { RegionFilter } from "~/components/region-filter";
import { useLive } from "~/components/use-live";
import { DISPUTE_STATES } from "~/lib/disputes";
import { filterQuery } from "~/lib/disputes-sheet";
import type { LiveEvent } from "~/lib/events";
import { formatNumber } from "~/lib/format";
import { caseworkNavMessages } from "~/lib/messages/casework-nav";
import { disputeMessages } from "~/lib/messages/disputes";
import { useLang, useT } from "~/lib/use-t";
import { TopBar } from "~/root";
import { disputeRegisterData } from "~/utils/disputes-page.server";
import disputeStyles from "~/disputes.css?url";

export const meta: MetaFunction = () => [{ title: "Pantau — Sengketa proses" }];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: disputeStyles }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  return disputeRegisterData(request, context);
}

export default function DisputeRegister() {
  const { seq, role, asked, total, rows, offices } = useLoaderData<typeof loader>();
  const t = useT(disputeMessages, caseworkNavMessages);
  const lang = useLang();
  const revalidator = useRevalidator();
  const onEvents = useCallback(
    (events: LiveEvent[]) => {
      if (events.some((e) => e.type === "dispute:changed")) revalidator.revalidate();
    },
    [revalidator],
  );
  const status = useLive({ seq, onEvents });
  const query = filterQuery(asked);
  return (
    <>
      <TopBar title={t("dispute.nav")} />
      <PoskoNav role={role} />
      <main className="page wide disputes">
        <h1>{t("dispute.title")}</h1>
        <p className="muted small">{t("dispute.intro")}</p>
        <p className={`live-status ${status}`} role="status">
          {status === "live" ? `● ${t("dispute.live")}` : t("dispute.reconnecting")}
        </p>
        <div className="row">
          <Link className="button primary" to="/sengketa/baru">
            {t("dispute.new")}
          </Link>
          <Link className="button" to="/sengketa/jadwal">
            {t("dispute.schedule")}
          </Link>
          <Link className="button" to={`/sengketa/cetak${query}`}>
            {t("dispute.print")}
          </Link>
          <a className="button" href={`/api/v1/disputes.csv${query}`} download>
            {t("dispute.csv")}
          </a>
        </div>
        <Form method="get" className="row dispute-filters" data-testid="dispute-filters">
          <label>
            {t("dispute.filter.state")}
            <select name="state" defaultValue={asked.state ?? ""}>
              <option value="">{t("dispute.filter.allStates")}</option>
              {DISPUTE_STATES.map((s) => (
                <option key={s} value={s}>
                  {t(`dispute.state.${s}`)}
                </option>
              ))}
            </select>
          </label>
          <RegionFilter
            name="wilayah"
            label={t("dispute.filter.area")}
            allLabel={t("dispute.filter.allAreas")}
            regions={offices}
            value={asked.wilayah}
          />
          <label>
            {t("dispute.filter.from")}
            <input type="date" name="from" defaultValue={asked.from ?? ""} />
          </label>
          <label>
            {t("dispute.filter.to")}
            <input type="date" name="to" defaultValue={asked.to ?? ""} />
          </label>
          <label>
            {t("dispute.filter.text")}
            <input type="search" name="q" maxLength={100} defaultValue={asked.q ?? ""} />
          </label>
          <button type="submit">{t("dispute.filter.apply")}</button>
        </Form>
        <p className="small" data-testid="dispute-count">
          {t("dispute.count", { count: formatNumber(total, lang) })}
        </p>
        {rows.length === 0 ? <p className="muted">{t("dispute.empty")}</p> : <RegisterTable rows={rows} />}
      </main>
    </>
  );
}
