// Admin: printable credential letters (A4, one per officer): TPS, login, a fresh random PIN and a QR code
// that opens the app's login with the TPS code filled in. Printing sets new PINs (old ones stop working),
// so the PINs exist only on this printout; the page is never cached.
import { data, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import QRCode from "qrcode";
import { combineMessages, translate } from "~/lib/i18n";
import { adminMessages } from "~/lib/messages/admin";
import { commonMessages } from "~/lib/messages/common";
import { loginMessages } from "~/lib/messages/login";
import { regionLabel } from "~/lib/regions";
import { REGION_CODE, TPS_CODE } from "~/lib/schemas/atoms";
import { useT } from "~/lib/use-t";
import { hashAll, newPin, officersForLetters, setSecrets } from "~/models/accounts.server";
import { readForm, requireAdminPage } from "~/utils/admin.server";
import { requestLang } from "~/utils/lang.server";

const messages = combineMessages(loginMessages, adminMessages, commonMessages);

export const headers: HeadersFunction = () => ({ "Cache-Control": "no-store" });

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireAdminPage(request, context.sql);
  const area = (new URL(request.url).searchParams.get("area") ?? "").slice(0, 20);
  const count = area ? (await officersForLetters(context.sql, { area })).length : 0;
  return { area, count };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const admin = await requireAdminPage(request, context.sql);
  const lang = requestLang(request);
  const form = await readForm(request);
  const area = String(form.get("area") ?? "")
    .trim()
    .slice(0, 20);
  // A region of any level or one TPS; anything else names no officer (and never reaches SQL).
  const officers = REGION_CODE.test(area) || TPS_CODE.test(area) ? await officersForLetters(context.sql, { area }) : [];
  if (!officers.length)
    return data({ error: translate(lang, messages, "admin.letters.none", { area }), letters: [] }, 404);
  const withPins = await hashAll(officers, newPin);
  await context.writer.write((ctx) =>
    setSecrets(ctx, { hashes: withPins, actorId: admin.id, action: "account.letters" }),
  );
  const origin = new URL(request.url).origin;
  const letters = await Promise.all(
    withPins.map(async ({ hash: _h, secret, ...o }) => {
      const loginUrl = `${origin}/login?login=${encodeURIComponent(o.login)}`;
      return {
        ...o,
        pin: secret,
        loginUrl,
        qr: await QRCode.toDataURL(loginUrl, { margin: 1, width: 180, errorCorrectionLevel: "M" }),
      };
    }),
  );
  return { error: null, letters };
}

export default function Letters() {
  const { area, count } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT(loginMessages, adminMessages, commonMessages);
  const busy = useNavigation().state !== "idle";
  const letters = result?.letters ?? [];
  return (
    <>
      <div className="no-print">
        <h1>{t("admin.letters.title")}</h1>
        <p className="muted">{t("admin.letters.intro")}</p>
        <Form method="get" className="row">
          <input
            name="area"
            defaultValue={area}
            placeholder="16.73.04.1001"
            aria-label={t("admin.letters.area")}
            maxLength={20}
            required
          />
          <button type="submit">{t("admin.letters.find")}</button>
        </Form>
        {area ? (
          <Form method="post" className="card stack">
            <input type="hidden" name="area" value={area} />
            <p>{t("admin.letters.confirm", { count, area })}</p>
            <button type="submit" className="primary" disabled={busy || count === 0}>
              {t("admin.letters.issue", { count })}
            </button>
          </Form>
        ) : null}
        {result?.error ? (
          <p role="alert" className="error">
            {result.error}
          </p>
        ) : null}
        {letters.length ? (
          <p className="row">
            <span role="status">{t("admin.letters.ready", { count: letters.length })}</span>{" "}
            <button type="button" onClick={() => window.print()}>
              {t("recap.print")}
            </button>
          </p>
        ) : null}
      </div>
      {letters.map((l) => (
        <article key={l.id} className="letter" data-testid={`letter-${l.login}`}>
          <header>
            <strong>{t("app.name")}</strong> — {t("admin.letters.heading")}
          </header>
          <h2>{l.name}</h2>
          {l.nip ? <p>NIP {l.nip}</p> : null}
          <dl className="letter-facts">
            <dt>TPS</dt>
            <dd className="tps-code">{l.tpsCode}</dd>
            <dt>{t("admin.letters.place")}</dt>
            <dd>
              {l.address}, {regionLabel(l.kelurahanKind, l.kelurahan)}, {regionLabel("kecamatan", l.kecamatan)}
            </dd>
            <dt>{t("login.login")}</dt>
            <dd className="tps-code" data-testid="letter-login">
              {l.login}
            </dd>
            <dt>PIN</dt>
            <dd className="pin" data-testid="letter-pin">
              {l.pin}
            </dd>
          </dl>
          <img src={l.qr} alt={t("admin.letters.qrAlt")} width={180} height={180} data-testid="letter-qr" />
          <p className="small">{l.loginUrl}</p>
          <p className="small">{t("admin.letters.keepSecret")}</p>
        </article>
      ))}
    </>
  );
}
