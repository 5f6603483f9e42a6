// Bulk paper forms: the command post and supervisors pick a kelurahan and print every TPS's forms.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { regionLabel } from "~/lib/regions";
import { commonMessages } from "~/lib/messages/common";
import { paperMessages } from "~/lib/messages/paper";
import { useT } from "~/lib/use-t";
import { listKelurahan } from "~/models/paper.server";
import { TopBar } from "~/root";
import { areaOf, requirePageUser } from "~/utils/permissions.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePageUser(request, context.sql, "posko:view");
  return {
    kelurahan: await listKelurahan(context.sql, { scope: areaOf(user) }),
  };
}

export default function PaperIndex() {
  const { kelurahan } = useLoaderData<typeof loader>();
  const t = useT(paperMessages, commonMessages);
  return (
    <>
      <TopBar title={t("nav.paper")} />
      <main className="page phone">
        <h1>{t("paper.bulkTitle")}</h1>
        <ul className="kelurahan-list">
          {kelurahan.map((k) => (
            <li key={k.code}>
              <a href={`/paper/kelurahan/${k.code}`}>{regionLabel(k.kind, k.name)}</a>{" "}
              <span className="muted small">
                Kec. {k.kecamatanName} · {t("paper.tpsCount", { n: k.tps })}
              </span>
            </li>
          ))}
        </ul>
      </main>
    </>
  );
}
