// The printed register of process disputes (`/sengketa/cetak` with the register's filters): A4 landscape,
// page numbers and the region in the running footer, a signature block. Same rows as the screen and the CSV.
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { RegisterTable } from "~/components/disputes/register-table";
import { PrintPage, SignatureBlock } from "~/components/paper";
import { filterQuery } from "~/lib/disputes-sheet";
import { formatDateTime } from "~/lib/format";
import { caseworkNavMessages } from "~/lib/messages/casework-nav";
import { disputeMessages } from "~/lib/messages/disputes";
import { regionLabel } from "~/lib/regions";
import { useLang, useT } from "~/lib/use-t";
import { getRegion } from "~/models/election.server";
import { getSetting } from "~/models/settings.server";
import { TopBar } from "~/root";
import { disputeRegisterData } from "~/utils/disputes-page.server";
import { areaOf } from "~/utils/permissions.server";
import { requirePageUser } from "~/utils/permissions.server";
import disputeStyles from "~/disputes.css?url";

export const meta: MetaFunction = () => [{ title: "Pantau — Buku register sengketa" }];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: disputeStyles }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePageUser(request, context.sql, "dispute:handle");
  const register = await disputeRegisterData(request, context);
  const areaCode = register.asked.wilayah ?? areaOf(user);
  const [papers, region] = await Promise.all([
    getSetting(context.sql, "papers"),
    areaCode ? getRegion(context.sql, { code: areaCode }) : undefined,
  ]);
  return {
    ...register,
    place: papers.place,
    areaName: region ? regionLabel(region.kind, region.name) : null,
  };
}

export default function DisputeRegisterPrint() {
  const { rows, asked, now, place, areaName, userName } = useLoaderData<typeof loader>();
  const t = useT(disputeMessages, caseworkNavMessages);
  const lang = useLang();
  const title = t("dispute.print.title");
  return (
    <>
      <TopBar title={t("dispute.nav")} />
      <main className="page wide dispute-print">
        <div className="row no-print">
          <Link className="button" to={`/sengketa${filterQuery(asked)}`}>
            {t("dispute.back")}
          </Link>
          <button type="button" className="primary" onClick={() => window.print()}>
            {t("dispute.print.button")}
          </button>
        </div>
        <p className="small muted">{t("dispute.print.body")}</p>
        <h1>
          {title}
          {areaName ? ` · ${areaName}` : ""}
        </h1>
        <p className="small">{t("dispute.print.generated", { time: formatDateTime(now, lang) })}</p>
        <RegisterTable rows={rows} links={false} />
        {rows.length === 0 ? <p className="muted">{t("dispute.empty")}</p> : null}
        <SignatureBlock
          place={place}
          at={now}
          signers={[
            { role: t("dispute.print.clerk"), name: userName ?? "" },
            { role: t("dispute.print.head"), name: "" },
          ]}
        />
        <PrintPage
          name="disputes"
          size="A4 landscape"
          footer={`${t("dispute.print.body")} · ${title}${areaName ? ` · ${areaName}` : ""} · ${formatDateTime(now, lang)}`}
        />
      </main>
    </>
  );
}
