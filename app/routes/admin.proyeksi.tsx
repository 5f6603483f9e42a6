// Admin: draw the projection's stratified random sample of TPS (strata: kecamatan), by size or by a
// target margin of error; shows the current draw and the estimates (formula in app/lib/projection.ts), and the
// sample desk: the sample's reporting progress per stratum and the sampled TPS still missing, with their
// officers' phones to call. Replacing a sample asks for confirmation, and once results of the sample are in
// it is refused (409) unless forced with a reason.
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { combineMessages, translate } from "~/lib/i18n";
import { formatDateTime, formatEstimate, formatNumber } from "~/lib/format";
import { adminMessages } from "~/lib/messages/admin";
import { projectionMessages } from "~/lib/messages/projection";
import { useLang, useT } from "~/lib/use-t";
import { countTps, listContests } from "~/models/election.server";
import { drawProjectionSample, getProjections, sampleDesk, sampleHasResults } from "~/models/projection.server";
import { rosterMessages } from "~/lib/messages/roster";
import { PhoneLink } from "~/components/phone-link";
import { can } from "~/lib/access";
import { problemOf, describeProblem } from "~/utils/problem-answer.server";
import { getSetting } from "~/models/settings.server";
import { readForm, requireAdminPage } from "~/utils/admin.server";
import { readWholeNumber } from "~/lib/schemas/atoms";
import { requestLang } from "~/utils/lang.server";

const messages = combineMessages(projectionMessages, adminMessages, rosterMessages);

export async function loader({ request, context }: LoaderFunctionArgs) {
  const admin = await requireAdminPage(request, context.sql);
  const [info, contests, tpsCount, desk, inUse] = await Promise.all([
    getSetting(context.sql, "projection.sample"),
    listContests(context.sql),
    countTps(context.sql),
    sampleDesk(context.sql),
    sampleHasResults(context.sql),
  ]);
  const estimates = await getProjections(
    context.sql,
    contests.map((c) => ({ contest: c.code, candidates: c.candidates.map((k) => k.number) })),
  );
  const projections = contests.map((c) => ({
    code: c.code,
    name: c.name,
    candidates: c.candidates,
    projection: estimates.get(c.code) ?? null,
  }));
  return { info, projections, totalTps: tpsCount, desk, inUse, mayForce: can(admin, "projection:force") };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const admin = await requireAdminPage(request, context.sql);
  const lang = requestLang(request);
  const form = await readForm(request);
  const mode = form.get("mode");
  const raw = String(form.get(mode === "margin" ? "margin" : "size") ?? "");
  // A sample size is digits only (`0x10` is not 16); a margin is a decimal.
  const value = mode === "margin" ? Number(raw) : (readWholeNumber(raw) ?? NaN);
  if (
    mode === "margin" ? !(value >= 0.1 && value <= 20) : !(Number.isInteger(value) && value >= 2 && value <= 1_000_000)
  ) {
    return data(
      {
        error: translate(lang, messages, mode === "margin" ? "admin.projection.badMargin" : "admin.projection.badSize"),
      },
      422,
    );
  }
  // Replacing a sample is asked twice: the box ticked on the form (the page's own confirmation).
  const current = await getSetting(context.sql, "projection.sample");
  if (current && form.get("confirm") !== "yes")
    return data({ error: translate(lang, messages, "desk.mustConfirm") }, 422);
  const reason = String(form.get("forceReason") ?? "")
    .trim()
    .slice(0, 500);
  const forceReason = reason && can(admin, "projection:force") ? reason : null;
  try {
    const info = await context.writer.write((ctx) =>
      drawProjectionSample(
        ctx,
        mode === "margin"
          ? { margin: value / 100, actorId: admin.id, forceReason }
          : { size: value, actorId: admin.id, forceReason },
      ),
    );
    return { error: null, info };
  } catch (error) {
    const known = problemOf(error);
    if (!known) throw error;
    const { status, body } = describeProblem(known, lang);
    return data({ error: body.message }, status);
  }
}

export default function Projection() {
  const { info, projections, totalTps, desk, inUse, mayForce } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT(projectionMessages, adminMessages, rosterMessages);
  const lang = useLang();
  const busy = useNavigation().state !== "idle";
  return (
    <>
      <h1>{t("admin.projection.title")}</h1>
      <p className="muted">{t("admin.projection.intro")}</p>
      <p data-testid="sample-info">
        {info
          ? t("admin.projection.current", {
              size: info.size,
              total: totalTps,
              seed: info.seed,
              at: formatDateTime(info.drawnAt, lang),
            })
          : t("admin.projection.noSample")}
      </p>
      <Form method="post" className="card stack">
        <fieldset className="row">
          <label className="check">
            <input type="radio" name="mode" value="margin" defaultChecked /> {t("admin.projection.byMargin")}
          </label>
          <label>
            {t("admin.projection.margin")}
            <input name="margin" type="number" step="0.1" min={0.1} max={20} defaultValue={2} />
          </label>
        </fieldset>
        <fieldset className="row">
          <label className="check">
            <input type="radio" name="mode" value="size" /> {t("admin.projection.bySize")}
          </label>
          <label>
            {t("admin.projection.size")}
            <input name="size" type="number" min={2} max={1000000} defaultValue={100} />
          </label>
        </fieldset>
        {info ? (
          <label className="check">
            <input type="checkbox" name="confirm" value="yes" required /> {t("desk.confirmBox")}
          </label>
        ) : null}
        {inUse && mayForce ? (
          <label>
            {t("desk.force")}
            <input name="forceReason" maxLength={500} data-testid="force-reason" />
          </label>
        ) : null}
        {result?.error ? (
          <p role="alert" className="error">
            {result.error}
          </p>
        ) : null}
        <button type="submit" className="primary" disabled={busy}>
          {t("admin.projection.draw")}
        </button>
      </Form>
      {info ? <SampleDeskView desk={desk} /> : null}
      {projections.map((p) => (
        <section key={p.code} className="card">
          <h2>{p.name}</h2>
          {p.projection ? (
            <>
              <p>{t("public.projectionNote", { reported: p.projection.reported, size: p.projection.sampleSize })}</p>
              <table className="results-table" data-testid={`projection-${p.code}`}>
                <tbody>
                  {p.candidates.map((k) => {
                    const e = p.projection!.candidates.find((x) => x.number === String(k.number));
                    return (
                      <tr key={k.number}>
                        <td>
                          {k.number}. {k.name}
                        </td>
                        <td className="num">
                          {e && p.projection!.reported ? formatEstimate(e.estimate, e.margin, lang) : "—"}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </>
          ) : (
            <p className="muted">{t("admin.projection.noSample")}</p>
          )}
        </section>
      ))}
    </>
  );
}

/** The sample's reporting progress per stratum and the sampled TPS still missing, each with a call link. */
function SampleDeskView({ desk }: { desk: Awaited<ReturnType<typeof sampleDesk>> }) {
  const t = useT(rosterMessages);
  const lang = useLang();
  return (
    <section className="card" data-testid="sample-desk">
      <h2>{t("desk.title")}</h2>
      <h3>{t("desk.progress")}</h3>
      <table className="data-table">
        <thead>
          <tr>
            <th>{t("desk.stratum")}</th>
            <th className="num">{t("desk.sampled")}</th>
            <th className="num">{t("desk.reported")}</th>
          </tr>
        </thead>
        <tbody>
          {desk.strata.map((s) => (
            <tr key={s.code} data-testid={`stratum-${s.code}`}>
              <td>{s.name}</td>
              <td className="num">{formatNumber(s.sampled, lang)}</td>
              <td className="num">{formatNumber(s.reported, lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{t("desk.missing", { count: formatNumber(desk.missingCount, lang) })}</h3>
      {desk.missing.length === 0 ? (
        <p className="muted">{t("desk.noneMissing")}</p>
      ) : (
        <table className="data-table" data-testid="sample-missing">
          <thead>
            <tr>
              <th>{t("roster.tps")}</th>
              <th>{t("roster.kelurahan")}</th>
              <th>{t("roster.officer")}</th>
              <th>{t("roster.phone")}</th>
            </tr>
          </thead>
          <tbody>
            {desk.missing.map((m) => (
              <tr key={m.tpsCode} data-testid={`missing-${m.tpsCode}`}>
                <td className="tps-code">{m.tpsCode}</td>
                <td>
                  {m.kelurahan}
                  <div className="muted small">{m.kecamatan}</div>
                </td>
                <td>{m.name ?? <span className="muted">{t("roster.unnamed")}</span>}</td>
                <td>
                  <PhoneLink phone={m.phone} name={m.name ?? m.tpsCode} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
