// An officer's phone as staff see it: a tap-to-call link named for the person, or "tanpa nomor". Phones are
// personal data: only staff screens of the officer's area show this (docs/decisions/038-officer-roster.md).
import { rosterMessages } from "~/lib/messages/roster";
import { telHref } from "~/lib/phone";
import { useT } from "~/lib/use-t";

export function PhoneLink({ phone, name, empty = true }: { phone: string | null; name: string; empty?: boolean }) {
  const t = useT(rosterMessages);
  if (!phone) return empty ? <span className="muted small">{t("roster.noPhone")}</span> : <span />;
  return (
    <a className="tel" href={telHref(phone)} aria-label={t("roster.call", { name })}>
      {phone}
    </a>
  );
}
