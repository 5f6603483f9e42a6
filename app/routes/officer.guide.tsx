// The pocket guide (app/lib/guide.ts): procedures for the day, offline once opened (the service worker caches it).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { BackHome } from "~/components/officer-nav";
import { GUIDE } from "~/lib/guide";
import { officerMessages } from "~/lib/messages/officer";
import { useLang, useT } from "~/lib/use-t";
import { TopBar } from "~/root";
import { requirePageUser } from "~/utils/permissions.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requirePageUser(request, context.sql, "guide:read");
  return null;
}

export default function Guide() {
  const t = useT(officerMessages);
  const lang = useLang();
  return (
    <>
      <TopBar title={t("nav.guide")} />
      <main className="page phone guide">
        <BackHome />
        <h1>{t("guide.title")}</h1>
        {GUIDE.map((section) => (
          <section key={section.id} className="card" id={section.id}>
            <h2>{section.title[lang]}</h2>
            <ol>
              {section.steps[lang].map((step, i) => (
                <li key={i}>{step}</li>
              ))}
            </ol>
          </section>
        ))}
      </main>
    </>
  );
}
