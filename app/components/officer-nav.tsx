// The officer's screens, as plain links: each is a full page load, which the service worker can answer
// from its cache when offline (client-side navigation would need data requests the cache may not have).
import { useRouteLoaderData } from "@remix-run/react";
import type { MessageKey } from "~/lib/i18n";
import { commonMessages } from "~/lib/messages/common";
import { officerMessages } from "~/lib/messages/officer";
import { useT } from "~/lib/use-t";

export const OFFICER_SCREENS: { href: string; key: MessageKey<typeof officerMessages | typeof commonMessages> }[] = [
  { href: "/officer/checkin", key: "nav.checkin" },
  { href: "/officer/checklist", key: "nav.checklist" },
  { href: "/officer/incident", key: "nav.incident" },
  { href: "/officer/incidents", key: "nav.incidents" },
  { href: "/officer/contacts", key: "nav.contacts" },
  { href: "/officer/guide", key: "nav.guide" },
  { href: "/officer/paper", key: "nav.paper" },
  { href: "/officer/cek-dpt", key: "nav.voterCheck" },
  { href: "/officer/laporan", key: "nav.report" },
];

/** The logged-in officer (from the root loader): their account id and TPS code, each null when absent. */
export function useOfficer(): { account: number | null; tps: string | null } {
  const data = useRouteLoaderData("root") as { user?: { id?: number; tpsCode?: string | null } | null } | undefined;
  return { account: data?.user?.id ?? null, tps: data?.user?.tpsCode ?? null };
}

export function OfficerNav() {
  const t = useT(officerMessages, commonMessages);
  return (
    <nav className="officer-nav" aria-label={t("nav.officer")}>
      {OFFICER_SCREENS.map((s) => (
        <a key={s.href} className="button" href={s.href}>
          {t(s.key)}
        </a>
      ))}
    </nav>
  );
}

export function BackHome() {
  const t = useT(officerMessages, commonMessages);
  return (
    <p className="back">
      <a className="back-link" href="/officer">
        ← {t("qc.back")}
      </a>
    </p>
  );
}
