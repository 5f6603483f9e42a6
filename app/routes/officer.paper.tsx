// The officer's own paper forms: printable, and offline once opened (cached by the service worker).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { BackHome } from "~/components/officer-nav";
import { PaperSheets, PrintButton } from "~/components/paper-forms";
import { commonMessages } from "~/lib/messages/common";
import { paperMessages } from "~/lib/messages/paper";
import { useT } from "~/lib/use-t";
import { paperFormsFor } from "~/models/paper.server";
import { TopBar } from "~/root";
import { requirePageUser } from "~/utils/permissions.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePageUser(request, context.sql, "officer:app");
  return paperFormsFor(context.sql, { tpsCode: user.tpsCode! });
}

export default function OfficerPaper() {
  const { tps, contests, categories } = useLoaderData<typeof loader>();
  const t = useT(paperMessages, commonMessages);
  return (
    <>
      <div className="no-print">
        <TopBar title={t("nav.paper")} />
      </div>
      <main className="page paper">
        <div className="no-print">
          <BackHome />
          <h1>{t("paper.title")}</h1>
          <p className="muted">{t("paper.hint")}</p>
          <PrintButton />
        </div>
        <PaperSheets tps={tps} contests={contests} categories={categories} />
      </main>
    </>
  );
}
