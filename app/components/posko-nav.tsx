// Links between the command-post screens.
import { NavLink } from "@remix-run/react";
import { can, type Role } from "~/lib/access";
import { commandPostMessages } from "~/lib/messages/command-post";
import { commonMessages } from "~/lib/messages/common";
import { useT } from "~/lib/use-t";

export function PoskoNav({ role }: { role: Role }) {
  const t = useT(commandPostMessages, commonMessages);
  const links: [string, string][] = [
    ["/posko", t("nav.map")],
    ["/posko/verifikasi", t("nav.review")],
    ...(can({ role }, "paper:enter") ? [["/posko/entri", t("nav.paperEntry")] as [string, string]] : []),
    ["/posko/audit", t("nav.audit")],
    ["/rekap", t("admin.nav.recap")],
  ];
  return (
    <nav className="tabs posko-nav" aria-label={t("nav.posko")}>
      {links.map(([to, label]) => (
        <NavLink key={to} to={to} end className={({ isActive }) => `button${isActive ? " active" : ""}`}>
          {label}
        </NavLink>
      ))}
    </nav>
  );
}
