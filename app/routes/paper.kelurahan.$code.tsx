// Every TPS's paper forms of one kelurahan, one A4 sheet each, for printing in bulk.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { PaperSheets, PrintButton } from "~/components/paper-forms";
import { regionLabel } from "~/lib/regions";
import { commonMessages } from "~/lib/messages/common";
import { paperMessages } from "~/lib/messages/paper";
import { useT } from "~/lib/use-t";
import { paperFormsFor } from "~/models/paper.server";
import { TopBar } from "~/root";
import { AuditHead } from "~/components/audit-head";
import { publishedHead } from "~/utils/audit-head.server";
import { areaOf, inArea, requirePageAccess, requirePageUser } from "~/utils/permissions.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requirePageUser(request, context.sql, "posko:view");
  const code = params.code ?? "";
  if (!/^\d{2}(\.\d{2}){2}\.\d{4}$/.test(code)) throw new Response("Not found", { status: 404 });
  requirePageAccess(inArea(code, areaOf(user)));
  const forms = await paperFormsFor(context.sql, { kelurahanCode: code });
  if (forms.tps.length === 0) throw new Response("Not found", { status: 404 });
  return { code, ...forms, auditHead: await publishedHead(context) };
}

export default function KelurahanPaper() {
  const { code, tps, contests, categories, auditHead } = useLoaderData<typeof loader>();
  const t = useT(paperMessages, commonMessages);
  return (
    <>
      <div className="no-print">
        <TopBar title={t("nav.paper")} />
      </div>
      <main className="page paper">
        <div className="no-print">
          <p>
            <a href="/paper">← {t("paper.bulkTitle")}</a>
          </p>
          <h1>
            {t("paper.kelurahanTitle", {
              name: regionLabel(tps[0].kelurahanKind, tps[0].kelurahanName),
              code,
              n: tps.length,
            })}
          </h1>
          <PrintButton />
        </div>
        <PaperSheets tps={tps} contests={contests} categories={categories} />
        <AuditHead head={auditHead} />
      </main>
    </>
  );
}
