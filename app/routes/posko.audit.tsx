// The audit log (docs/decisions/004-audit-hash-chain.md): browse by TPS, user and time; verify the hash
// chain. Supervisors see only rows about TPS in their area.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { PoskoNav } from "~/components/posko-nav";
import { Time } from "~/components/time";
import { can } from "~/lib/access";
import { TPS_CODE } from "~/lib/schemas";
import { readWholeNumber, timestamp } from "~/lib/schemas/atoms";
import { commandPostMessages } from "~/lib/messages/command-post";
import { commonMessages } from "~/lib/messages/common";
import { useT } from "~/lib/use-t";
import { listAudit, verifyAuditChain } from "~/models/audit.server";
import { TopBar } from "~/root";
import { areaOf, requirePageUser } from "~/utils/permissions.server";

const PAGE = 100;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePageUser(request, context.sql, "audit:read");
  const url = new URL(request.url);
  const param = (name: string, max = 40) => (url.searchParams.get(name) ?? "").trim().slice(0, max) || null;
  const tps = param("tps");
  const login = param("user", 100);
  // datetime-local has no zone: it is the region's time (WIB).
  const time = (v: string | null) => {
    const text =
      v && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(v) ? `${v}${v.length === 16 ? ":00" : ""}+07:00` : null;
    return text && timestamp.safeParse(text).success ? new Date(text).toISOString() : null;
  };
  // A filter the page cannot read is left out, as the others are (the API answers such a parameter with a 400).
  const beforeId = readWholeNumber(url.searchParams.get("before") ?? "") || null;
  const area = areaOf(user);
  const tpsPrefix = area === null ? null : area.replaceAll(".", "");
  const rows = await listAudit(context.sql, {
    tpsCode: tps && TPS_CODE.test(tps) ? tps : tps ? "-" : null,
    login,
    from: time(param("from")),
    to: time(param("to")),
    beforeId,
    tpsPrefix,
    limit: PAGE,
  });
  return {
    rows,
    role: user.role,
    filters: { tps: tps ?? "", user: login ?? "", from: param("from") ?? "", to: param("to") ?? "" },
    more: rows.length === PAGE,
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requirePageUser(request, context.sql, "posko:operate");
  return verifyAuditChain(context.sql, { key: context.auditKey });
}

const short = (v: unknown) => (v == null ? "" : JSON.stringify(v).slice(0, 300));

export default function AuditLog() {
  const { rows, role, filters, more } = useLoaderData<typeof loader>();
  const verified = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const t = useT(commandPostMessages, commonMessages);
  const older = new URLSearchParams({ ...filters, before: String(rows[rows.length - 1]?.id ?? "") });
  return (
    <>
      <TopBar title={t("posko.title")} />
      <PoskoNav role={role} />
      <main className="page wide">
        <h1>{t("audit.title")}</h1>
        {can({ role }, "posko:operate") ? (
          <Form method="post" className="filters-row">
            <button type="submit" disabled={busy} data-testid="audit-verify">
              {t("audit.verify")}
            </button>
            {verified ? (
              <p className={`notice ${verified.broken ? "bad" : "good"}`} role="status" data-testid="audit-verdict">
                {verified.broken
                  ? t("audit.broken", { id: verified.broken.id, checked: verified.checked })
                  : t("audit.intact", { checked: verified.checked })}
              </p>
            ) : null}
          </Form>
        ) : null}
        <Form method="get" className="filters-row">
          <label>
            TPS
            <input name="tps" defaultValue={filters.tps} placeholder="1673031001-001" maxLength={20} />
          </label>
          <label>
            {t("audit.user")}
            <input name="user" defaultValue={filters.user} maxLength={100} />
          </label>
          <label>
            {t("audit.from")}
            <input type="datetime-local" name="from" defaultValue={filters.from} />
          </label>
          <label>
            {t("audit.to")}
            <input type="datetime-local" name="to" defaultValue={filters.to} />
          </label>
          <button type="submit" className="primary">
            {t("paper.search")}
          </button>
        </Form>
        <table className="data-table" data-testid="audit-rows">
          <thead>
            <tr>
              <th>#</th>
              <th>{t("review.when")}</th>
              <th>{t("audit.user")}</th>
              <th>{t("audit.action")}</th>
              <th>{t("audit.entity")}</th>
              <th>{t("audit.before")}</th>
              <th>{t("audit.after")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td>{r.id}</td>
                <td className="small">
                  <Time iso={r.at} />
                </td>
                <td>{r.actor ? `${r.actor.name} (${r.actor.login})` : "–"}</td>
                <td>{r.action}</td>
                <td>
                  <code>{r.entity}</code>
                </td>
                <td>
                  <code>{short(r.before)}</code>
                </td>
                <td>
                  <code>{short(r.after)}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {rows.length === 0 ? <p className="muted">{t("audit.none")}</p> : null}
        {more ? (
          <p>
            <Link to={`?${older}`}>{t("audit.older")}</Link>
          </p>
        ) : null}
      </main>
    </>
  );
}
