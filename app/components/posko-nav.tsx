// Links between the command-post screens.
import { NavLink, useSearchParams } from "@remix-run/react";
import { can, type Role } from "~/lib/access";
import { broadcastMessages } from "~/lib/messages/broadcast";
import { caseworkNavMessages } from "~/lib/messages/casework-nav";
import { commandPostMessages } from "~/lib/messages/command-post";
import { commonMessages } from "~/lib/messages/common";
import { dataCentreNavMessages } from "~/lib/messages/data-centre-nav";
import { papersMessages } from "~/lib/messages/papers";
import { rosterMessages } from "~/lib/messages/roster";
import { useT } from "~/lib/use-t";

export function PoskoNav({ role }: { role: Role }) {
  const t = useT(
    commandPostMessages,
    commonMessages,
    broadcastMessages,
    rosterMessages,
    papersMessages,
    dataCentreNavMessages,
    caseworkNavMessages,
  );
  // The roster opens on the area the map shows (the same `?wilayah=` drill-down).
  const area = useSearchParams()[0].get("wilayah");
  // Only the screens the role may open (a case officer reads the map and the recap, nothing more).
  const links = (
    [
      ["/posko", t("nav.map"), "posko:view"],
      ["/posko/verifikasi", t("nav.review"), "result:review"],
      ["/posko/entri", t("nav.paperEntry"), "paper:enter"],
      ["/posko/audit", t("nav.audit"), "audit:read"],
      ["/posko/siaran", t("broadcast.nav"), "broadcast:send"],
      [area ? `/posko/petugas?wilayah=${encodeURIComponent(area)}` : "/posko/petugas", t("nav.roster"), "roster:read"],
      ["/rekap", t("admin.nav.recap"), "posko:view"],
      ["/posko/serah-terima", t("papers.nav.handover"), "posko:view"],
      ["/surat", t("papers.nav.letters"), "letters:issue"],
      // The data centre's activity log (case officers and admins).
      ["/pengawasan", t("act.nav"), "supervision:record"],
      // Supervision reports, C.Hasil photos and documents (decision 048).
      ["/arsip", t("nav.archive"), "archive:read"],
      // Violation cases and process disputes: case officers of the region, admins.
      ["/kasus", t("cases.nav"), "case:handle"],
      ["/sengketa", t("dispute.nav"), "dispute:handle"],
    ] as const
  ).filter(([, , permission]) => can({ role }, permission));
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
