// Emergency contacts (issue 3.6): configured numbers (emergency_contacts), tap to call.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { BackHome } from "~/components/officer-nav";
import { useT } from "~/lib/use-t";
import { listEmergencyContacts } from "~/models/officer-actions.server";
import { TopBar } from "~/root";
import { requirePageUser } from "~/utils/auth.server";
import { requestLang } from "~/utils/lang.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePageUser(request, context.sql, ["officer", "supervisor", "responder", "operator", "admin"]);
  return { contacts: await listEmergencyContacts(context.sql, { regionCode: user.regionCode, lang: requestLang(request) }) };
}

export default function Contacts() {
  const { contacts } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <TopBar title={t("nav.contacts")} />
      <main className="page phone">
        <BackHome />
        <h1>{t("contacts.title")}</h1>
        <ul className="contacts">
          {contacts.map((c) => (
            <li key={c.id}>
              <a className="button big call" href={`tel:${c.phone.replace(/[^\d+]/g, "")}`} data-testid="contact">
                <span>{c.name}</span>
                <strong>{c.phone}</strong>
              </a>
            </li>
          ))}
        </ul>
        <p className="muted small">{t("contacts.hint")}</p>
      </main>
    </>
  );
}
