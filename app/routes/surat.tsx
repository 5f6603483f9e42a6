// Credential letters (surat kredensial): one A4 letter per officer with the letterhead, the date, the posko's
// phone, TPS, login, a fresh random PIN and a QR code that opens the login with the TPS code filled in; then a
// handover list per kelurahan (who received which letter, with signature lines). Printing sets new PINs (old
// ones stop working), so the PINs exist only on this printout and the page is never cached. Any number of
// officers: an area's letters are issued in batches of LETTERS_PER_BATCH, each saying which of how many it
// holds. Each batch's form carries a one-time token and asks for a confirmation, so a second click or a
// repeated post changes no PIN again. Admins anywhere (`/admin/surat`, the same module), a kecamatan
// coordinator (supervisor) for their own area (`/surat`).
import { data, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { randomUUID } from "node:crypto";
import QRCode from "qrcode";
import { PrintPage, SignatureBlock } from "~/components/paper";
import { PoskoNav } from "~/components/posko-nav";
import { mayIssueLettersFor } from "~/lib/access";
import { formatDate, formatDateTime, formatNumber } from "~/lib/format";
import { combineMessages, translate } from "~/lib/i18n";
import { adminMessages } from "~/lib/messages/admin";
import { commonMessages } from "~/lib/messages/common";
import { loginMessages } from "~/lib/messages/login";
import { papersMessages } from "~/lib/messages/papers";
import { regionLabel } from "~/lib/regions";
import { REGION_CODE, TPS_CODE } from "~/lib/schemas/atoms";
import { useLang, useT } from "~/lib/use-t";
import {
  countOfficersForLetters,
  hashAll,
  issueLetters,
  letterBatch,
  LETTERS_PER_BATCH,
  newPin,
  officersForLetters,
} from "~/models/accounts.server";
import { getSetting } from "~/models/settings.server";
import { TopBar } from "~/root";
import { readForm } from "~/utils/admin.server";
import { requestLang } from "~/utils/lang.server";
import { requirePageAccess, requirePageUser } from "~/utils/permissions.server";

const messages = combineMessages(loginMessages, adminMessages, papersMessages, commonMessages);

export const headers: HeadersFunction = () => ({ "Cache-Control": "no-store" });

/** An area or TPS code as typed (anything else names no officer and never reaches SQL). */
const areaParam = (raw: unknown) => {
  const area = String(raw ?? "")
    .trim()
    .slice(0, 20);
  return REGION_CODE.test(area) || TPS_CODE.test(area) ? area : "";
};

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePageUser(request, context.sql, "letters:issue");
  const typed = (new URL(request.url).searchParams.get("area") ?? "").slice(0, 20);
  // A supervisor starts from their own area.
  const area = areaParam(typed) || (typed ? "" : user.role === "supervisor" ? (user.regionCode ?? "") : "");
  if (area) requirePageAccess(mayIssueLettersFor(user, area));
  const count = area ? await countOfficersForLetters(context.sql, { area }) : 0;
  // One form per batch, each with its own one-time token.
  const batches = Array.from({ length: Math.ceil(count / LETTERS_PER_BATCH) }, (_, i) => ({
    offset: i * LETTERS_PER_BATCH,
    first: i * LETTERS_PER_BATCH + 1,
    last: Math.min(count, (i + 1) * LETTERS_PER_BATCH),
    token: randomUUID(),
  }));
  const underAdmin = new URL(request.url).pathname.startsWith("/admin");
  return { typed, area, count, batches, underAdmin, role: user.role };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePageUser(request, context.sql, "letters:issue");
  const lang = requestLang(request);
  const form = await readForm(request);
  const area = areaParam(form.get("area"));
  const token = String(form.get("token") ?? "");
  const offset = Number(form.get("offset") ?? 0);
  const refuse = (key: "admin.letters.none" | "letters.badForm" | "letters.confirmNeeded", status: number) =>
    data({ error: translate(lang, messages, key, { area }), issued: null, letters: [] }, status);
  if (!area || !/^[0-9a-f-]{36}$/.test(token) || !Number.isInteger(offset) || offset < 0 || offset > 10_000_000)
    return refuse("letters.badForm", 400);
  requirePageAccess(mayIssueLettersFor(user, area));
  if (form.get("confirm") !== "yes") return refuse("letters.confirmNeeded", 422);
  const again = await letterBatch(context.sql, { token });
  const alreadyIssued = (at: Date, by: string) =>
    data(
      {
        error: translate(lang, messages, "letters.already", { time: formatDateTime(at.toISOString(), lang), by }),
        issued: null,
        letters: [],
      },
      409,
    );
  if (again) return alreadyIssued(again.issuedAt, again.issuedBy);
  const [officers, total, papers, contacts] = await Promise.all([
    officersForLetters(context.sql, { area, offset }),
    countOfficersForLetters(context.sql, { area }),
    getSetting(context.sql, "papers"),
    getSetting(context.sql, "contacts"),
  ]);
  if (!officers.length) return refuse("admin.letters.none", 404);
  const withPins = await hashAll(officers, newPin);
  const issued = await context.writer.write((ctx) =>
    issueLetters(ctx, { token, area, offset, hashes: withPins, actorId: user.id }),
  );
  if (!issued) {
    // Another submit of the same form won the race: its PINs stand.
    const first = await letterBatch(context.sql, { token });
    return alreadyIssued(first?.issuedAt ?? new Date(), first?.issuedBy ?? "");
  }
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
  return {
    error: null,
    issued: {
      at: new Date().toISOString(),
      by: user.name,
      first: offset + 1,
      last: offset + letters.length,
      total,
      letterhead: papers.letterhead,
      place: papers.place,
      poskoPhone: papers.poskoPhone ?? contacts[0]?.phone ?? null,
    },
    letters,
  };
}

export default function Letters() {
  const { typed, area, count, batches, underAdmin, role } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT(loginMessages, adminMessages, papersMessages, commonMessages);
  const lang = useLang();
  const n = (x: number) => formatNumber(x, lang);
  const busy = useNavigation().state !== "idle";
  const letters = result?.letters ?? [];
  const issued = result?.issued ?? null;
  // The handover lists: the batch's letters per kelurahan, in TPS order.
  const kelurahan = [...new Set(letters.map((l) => l.kelurahanCode))].map((code) => {
    const of = letters.filter((l) => l.kelurahanCode === code);
    return { code, name: regionLabel(of[0].kelurahanKind, of[0].kelurahan, { full: true }), letters: of };
  });
  const page = (
    <>
      <div className="no-print">
        <h1>{t("admin.letters.title")}</h1>
        <p className="muted">{t("admin.letters.intro")}</p>
        <Form method="get" className="row">
          <input
            name="area"
            defaultValue={area || typed}
            placeholder="16.73.04.1001"
            aria-label={t("admin.letters.area")}
            maxLength={20}
            required
          />
          <button type="submit">{t("admin.letters.find")}</button>
        </Form>
        {area ? (
          <div className="card stack" data-testid="letter-batches">
            <p>{t("letters.count", { count, area })}</p>
            {batches.map((b) => (
              <Form key={b.token} method="post" className="stack letter-batch">
                <input type="hidden" name="area" value={area} />
                <input type="hidden" name="offset" value={b.offset} />
                <input type="hidden" name="token" value={b.token} />
                <label className="check">
                  <input type="checkbox" name="confirm" value="yes" required />{" "}
                  {t("letters.confirm", { first: b.first, last: b.last, count })}
                </label>
                <button type="submit" className="primary" disabled={busy}>
                  {batches.length > 1
                    ? t("letters.issueBatch", { first: b.first, last: b.last, count })
                    : t("admin.letters.issue", { count })}
                </button>
              </Form>
            ))}
          </div>
        ) : null}
        {result?.error ? (
          <p role="alert" className="error">
            {result.error}
          </p>
        ) : null}
        {issued ? (
          <p className="row">
            <span role="status">
              {t("letters.ready", { first: issued.first, last: issued.last, total: issued.total })}
            </span>{" "}
            <button type="button" onClick={() => window.print()}>
              {t("recap.print")}
            </button>
          </p>
        ) : null}
      </div>
      {issued ? (
        <div className="letters">
          <PrintPage
            name="letters"
            size="A4"
            footer={`${issued.letterhead} · ${t("admin.letters.heading")} ${n(issued.first)}–${n(issued.last)} / ${n(issued.total)}`}
          />
          {letters.map((l) => (
            <article key={l.id} className="letter" data-testid={`letter-${l.login}`}>
              <header className="letterhead">
                <strong>{issued.letterhead}</strong>
                {issued.poskoPhone ? (
                  <span data-testid="letter-posko-phone">{t("papers.poskoPhone", { phone: issued.poskoPhone })}</span>
                ) : null}
              </header>
              <p className="letter-date">
                {t("papers.placeDate", { place: issued.place, date: formatDate(issued.at, lang) })}
              </p>
              <h2>{t("admin.letters.heading")}</h2>
              <p className="letter-name">{l.name}</p>
              {l.nip ? <p>NIP {l.nip}</p> : null}
              <dl className="letter-facts">
                <dt>TPS</dt>
                <dd className="tps-code">{l.tpsCode}</dd>
                <dt>{t("admin.letters.place")}</dt>
                <dd data-testid="letter-place">
                  {l.address}, {regionLabel(l.kelurahanKind, l.kelurahan, { full: true })},{" "}
                  {regionLabel("kecamatan", l.kecamatan, { full: true })}
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
          {kelurahan.map((k) => (
            <section key={k.code} className="letter-handover" data-testid={`handover-${k.code}`}>
              <header className="letterhead">
                <strong>{issued.letterhead}</strong>
              </header>
              <h2>{t("letters.handoverTitle", { kelurahan: k.name })}</h2>
              <p className="small">
                {t("letters.handoverIntro", { count: k.letters.length, by: issued.by })}{" "}
                {t("papers.printedAt", { time: formatDateTime(issued.at, lang) })}
              </p>
              <table className="results-table handover-table">
                <thead>
                  <tr>
                    <th className="num">{t("letters.no")}</th>
                    <th>TPS</th>
                    <th>{t("letters.officer")}</th>
                    <th>{t("letters.receivedAt")}</th>
                    <th>{t("letters.signature")}</th>
                  </tr>
                </thead>
                <tbody>
                  {k.letters.map((l, i) => (
                    <tr key={l.id}>
                      <td className="num">{i + 1}</td>
                      <td className="tps-code">{l.tpsCode}</td>
                      <td>{l.name}</td>
                      <td />
                      <td />
                    </tr>
                  ))}
                </tbody>
              </table>
              <SignatureBlock
                place={issued.place}
                at={issued.at}
                signers={[
                  { role: t("letters.handedBy"), name: issued.by },
                  { role: t("letters.receivedBy"), name: "" },
                ]}
              />
            </section>
          ))}
        </div>
      ) : null}
    </>
  );
  // Under /admin the admin layout gives the page its frame; a supervisor's page has its own.
  return underAdmin ? (
    page
  ) : (
    <>
      <div className="no-print">
        <TopBar title={t("admin.letters.title")} />
        <PoskoNav role={role} />
      </div>
      <main className="page admin-page">{page}</main>
    </>
  );
}
