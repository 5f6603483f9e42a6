// Admin area layout: navigation between the admin screens. Every admin loader and action checks the
// admin role itself (a layout loader does not guard its children's actions).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { NavLink, Outlet } from "@remix-run/react";
import { adminMessages } from "~/lib/messages/admin";
import { commonMessages } from "~/lib/messages/common";
import { useT } from "~/lib/use-t";
import { TopBar } from "~/root";
import { requireAdminPage } from "~/utils/admin.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireAdminPage(request, context.sql);
  return null;
}

export default function AdminLayout() {
  const t = useT(adminMessages, commonMessages);
  const links: [string, Parameters<typeof t>[0]][] = [
    ["/admin/impor", "admin.nav.import"],
    ["/admin/akun", "admin.nav.accounts"],
    ["/admin/surat", "admin.nav.letters"],
    ["/admin/pemilihan", "admin.nav.contests"],
    ["/admin/pengaturan", "admin.nav.settings"],
    ["/admin/proyeksi", "admin.nav.projection"],
    ["/rekap", "admin.nav.recap"],
    ["/posko", "admin.nav.posko"],
    ["/publik", "admin.nav.public"],
  ];
  return (
    <>
      <div className="no-print">
        <TopBar title={t("admin.title")} />
      </div>
      <nav className="admin-nav no-print" aria-label={t("admin.title")}>
        {links.map(([to, key]) => (
          <NavLink key={to} to={to}>
            {t(key)}
          </NavLink>
        ))}
      </nav>
      <main className="page admin-page">
        <Outlet />
      </main>
    </>
  );
}
