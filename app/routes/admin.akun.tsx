// Admin: accounts. Staff with a role and an area (create, disable/enable, reset password); officers
// (from the import) are listed here too and get new PINs through their credential letters.
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import type { MessageKey, MessageParams } from "~/lib/i18n";
import { combineMessages, translate } from "~/lib/i18n";
import { fieldProblems } from "~/lib/schemas";
import { fieldErrors } from "~/utils/problem-answer.server";
import { adminMessages } from "~/lib/messages/admin";
import { commonMessages } from "~/lib/messages/common";
import { problemMessages } from "~/lib/messages/problems";
import { useT } from "~/lib/use-t";
import {
  createStaff,
  getAccount,
  hashAll,
  listAccounts,
  newPassword,
  setDisabled,
  setSecrets,
} from "~/models/accounts.server";
import { ROLES } from "~/lib/access";
import { StaffBody } from "~/lib/schemas/admin";
import { readWholeNumber } from "~/lib/schemas/atoms";
import { listAreas, regionExists } from "~/models/election.server";
import { readForm, requireAdminPage } from "~/utils/admin.server";
import { hashSecret } from "~/utils/password.server";
import { requestLang } from "~/utils/lang.server";

const messages = combineMessages(adminMessages, problemMessages, commonMessages);

const STAFF_ROLES_LIST = ROLES.filter((r) => r !== "officer");

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireAdminPage(request, context.sql);
  const url = new URL(request.url);
  const role = ROLES.find((r) => r === url.searchParams.get("role")) ?? null;
  const q = (url.searchParams.get("q") ?? "").slice(0, 60) || null;
  const regions = await listAreas(context.sql);
  return {
    accounts: await listAccounts(context.sql, { role, q, limit: 200 }),
    role,
    q,
    regions: regions as unknown as { code: string; name: string; level: string }[],
  };
}

type ActionResult = {
  ok: boolean;
  message: string;
  secret?: { login: string; value: string };
  errors?: { field: string; message: string }[];
};

export async function action({ request, context }: ActionFunctionArgs) {
  const admin = await requireAdminPage(request, context.sql);
  const lang = requestLang(request);
  const form = await readForm(request);
  const intent = form.get("intent");
  const say = (key: MessageKey<typeof messages>, params?: MessageParams) => translate(lang, messages, key, params);
  if (intent === "create") {
    const parsed = StaffBody.safeParse(
      Object.fromEntries(["login", "name", "role", "regionCode", "phone"].map((k) => [k, form.get(k) ?? undefined])),
    );
    if (!parsed.success)
      return data<ActionResult>(
        { ok: false, message: say("admin.accounts.fix"), errors: fieldErrors(lang, fieldProblems(parsed.error)) },
        422,
      );
    if (parsed.data.regionCode) {
      if (!(await regionExists(context.sql, { code: parsed.data.regionCode })))
        return data<ActionResult>(
          {
            ok: false,
            message: say("admin.accounts.fix"),
            errors: [{ field: "regionCode", message: say("admin.accounts.unknownArea") }],
          },
          422,
        );
    }
    const password = newPassword();
    const secretHash = await hashSecret(password);
    const id = await context.writer.write((ctx) =>
      createStaff(ctx, { body: parsed.data, secretHash, actorId: admin.id }),
    );
    if (!id)
      return data<ActionResult>(
        {
          ok: false,
          message: say("admin.accounts.fix"),
          errors: [{ field: "login", message: say("admin.accounts.loginTaken") }],
        },
        409,
      );
    return {
      ok: true,
      message: say("admin.accounts.created", { login: parsed.data.login }),
      secret: { login: parsed.data.login, value: password },
    } satisfies ActionResult;
  }
  const userId = readWholeNumber(String(form.get("userId") ?? ""));
  const account = userId !== null ? await getAccount(context.sql, { id: userId }) : undefined;
  if (!account) return data<ActionResult>({ ok: false, message: say("api.notFound") }, 404);
  if (intent === "disable" || intent === "enable") {
    const done = await context.writer.write((ctx) =>
      setDisabled(ctx, { userId: account.id, disabled: intent === "disable", actorId: admin.id }),
    );
    if (!done) return data<ActionResult>({ ok: false, message: say("admin.accounts.notSelf") }, 409);
    return {
      ok: true,
      message: say(intent === "disable" ? "admin.accounts.disabled" : "admin.accounts.enabled", {
        login: account.login,
      }),
    } satisfies ActionResult;
  }
  if (intent === "reset" && account.role !== "officer") {
    const [hashed] = await hashAll([{ id: account.id }], newPassword);
    await context.writer.write((ctx) =>
      setSecrets(ctx, { hashes: [hashed], actorId: admin.id, action: "account.reset" }),
    );
    return {
      ok: true,
      message: say("admin.accounts.reset", { login: account.login }),
      secret: { login: account.login, value: hashed.secret },
    } satisfies ActionResult;
  }
  return data<ActionResult>({ ok: false, message: say("api.invalidField") }, 400);
}

export default function Accounts() {
  const { accounts, role, q, regions } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const t = useT(adminMessages, problemMessages, commonMessages);
  const busy = useNavigation().state !== "idle";
  const err = (field: string) => result?.errors?.find((e) => e.field === field)?.message;
  return (
    <>
      <h1>{t("admin.accounts.title")}</h1>
      {result ? (
        <p role={result.ok ? "status" : "alert"} className={result.ok ? "notice good" : "error"}>
          {result.message}
        </p>
      ) : null}
      {result?.secret ? (
        <p className="card secret" data-testid="new-secret">
          {t("admin.accounts.secretOnce", { login: result.secret.login })} <code>{result.secret.value}</code>
        </p>
      ) : null}
      <details className="card" open={!!result?.errors}>
        <summary>{t("admin.accounts.new")}</summary>
        <Form method="post" className="stack">
          <input type="hidden" name="intent" value="create" />
          <label>
            {t("admin.accounts.login")}
            <input name="login" required maxLength={40} autoCapitalize="none" />
            {err("login") ? <span className="error">{err("login")}</span> : null}
          </label>
          <label>
            {t("admin.accounts.name")}
            <input name="name" required maxLength={120} />
            {err("name") ? <span className="error">{err("name")}</span> : null}
          </label>
          <label>
            {t("admin.accounts.role")}
            <select name="role" defaultValue="operator">
              {STAFF_ROLES_LIST.map((r) => (
                <option key={r} value={r}>
                  {t(`role.${r}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t("admin.accounts.area")}
            <select name="regionCode" defaultValue="">
              <option value="">{t("admin.accounts.wholeElection")}</option>
              {regions.map((r) => (
                <option key={r.code} value={r.code}>
                  {r.code} {r.name}
                </option>
              ))}
            </select>
            {err("regionCode") ? <span className="error">{err("regionCode")}</span> : null}
          </label>
          <label>
            {t("admin.accounts.phone")}
            <input name="phone" maxLength={20} inputMode="tel" />
            {err("phone") ? <span className="error">{err("phone")}</span> : null}
          </label>
          <button type="submit" className="primary" disabled={busy}>
            {t("admin.accounts.create")}
          </button>
        </Form>
      </details>
      <Form method="get" className="row">
        <select name="role" defaultValue={role ?? ""} aria-label={t("admin.accounts.role")}>
          <option value="">{t("admin.accounts.allRoles")}</option>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`role.${r}`)}
            </option>
          ))}
        </select>
        <input
          name="q"
          defaultValue={q ?? ""}
          placeholder={t("admin.accounts.search")}
          aria-label={t("admin.accounts.search")}
          maxLength={60}
        />
        <button type="submit">{t("recap.show")}</button>
      </Form>
      <div className="table-scroll">
        <table className="results-table" data-testid="accounts">
          <thead>
            <tr>
              <th>{t("admin.accounts.login")}</th>
              <th>{t("admin.accounts.name")}</th>
              <th>{t("admin.accounts.role")}</th>
              <th>{t("admin.accounts.area")}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {accounts.map((a) => (
              <tr key={a.id} className={a.disabled ? "muted" : undefined} data-testid={`account-${a.login}`}>
                <td>{a.login}</td>
                <td>
                  {a.name}
                  {a.disabled ? ` (${t("admin.accounts.isDisabled")})` : ""}
                </td>
                <td>{t(`role.${a.role}`)}</td>
                <td>{a.tpsCode ?? a.regionCode ?? "*"}</td>
                <td className="actions">
                  <Form method="post" className="inline">
                    <input type="hidden" name="userId" value={a.id} />
                    <button type="submit" name="intent" value={a.disabled ? "enable" : "disable"} disabled={busy}>
                      {t(a.disabled ? "admin.accounts.enable" : "admin.accounts.disable")}
                    </button>
                    {a.role !== "officer" ? (
                      <button type="submit" name="intent" value="reset" disabled={busy}>
                        {t("admin.accounts.resetButton")}
                      </button>
                    ) : null}
                  </Form>
                  {a.role === "officer" ? (
                    <Link className="button" to={`/admin/surat?area=${encodeURIComponent(a.tpsCode ?? "")}`}>
                      {t("admin.accounts.newPin")}
                    </Link>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
