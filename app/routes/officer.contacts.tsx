// Emergency contacts: the numbers configured on the admin screens (setting "contacts"), tap to call.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { BackHome } from "~/components/officer-nav";
import { officerMessages } from "~/lib/messages/officer";
import { useT } from "~/lib/use-t";
import { getSetting } from "~/models/settings.server";
import { TopBar } from "~/root";
import { requirePageUser } from "~/utils/permissions.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requirePageUser(request, context.sql, "contacts:read");
  return { contacts: await getSetting(context.sql, "contacts") };
}

export default function Contacts() {
  const { contacts } = useLoaderData<typeof loader>();
  const t = useT(officerMessages);
  return (
    <>
      <TopBar title={t("nav.contacts")} />
      <main className="page phone">
        <BackHome />
        <h1>{t("contacts.title")}</h1>
        <ul className="contacts">
          {contacts.map((c, i) => (
            <li key={i}>
              <a className="button big call" href={`tel:${c.phone.replace(/[^\d+]/g, "")}`} data-testid="contact">
                <span>
                  {c.name}
                  {c.role ? <em className="muted small"> · {c.role}</em> : null}
                </span>
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
