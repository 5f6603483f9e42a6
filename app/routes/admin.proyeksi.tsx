// Admin: draw the projection's stratified random sample of TPS (strata: kecamatan), by size or by a
// target margin of error; shows the current draw and the estimates (formula in app/lib/projection.ts).
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { combineMessages, translate } from "~/lib/i18n";
import { formatDateTime, formatEstimate } from "~/lib/format";
import { adminMessages } from "~/lib/messages/admin";
import { projectionMessages } from "~/lib/messages/projection";
import { useLang, useT } from "~/lib/use-t";
import { countTps, listContests } from "~/models/election.server";
import { drawProjectionSample, getProjection } from "~/models/projection.server";
import { getSetting } from "~/models/settings.server";
import { readForm, requireAdminPage } from "~/utils/admin.server";
import { readWholeNumber } from "~/lib/schemas/atoms";
import { requestLang } from "~/utils/lang.server";

const messages = combineMessages(projectionMessages, adminMessages);

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireAdminPage(request, context.sql);
  const [info, contests, tpsCount] = await Promise.all([
    getSetting(context.sql, "projection.sample"),
    listContests(context.sql),
    countTps(context.sql),
  ]);
  const projections = await Promise.all(
    contests.map(async (c) => ({
      code: c.code,
      name: c.name,
      candidates: c.candidates,
      projection: await getProjection(context.sql, { contest: c.code, candidates: c.candidates.map((k) => k.number) }),
    })),
  );
  return { info, projections, totalTps: tpsCount };
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
  const info = await context.writer.write((ctx) =>
    drawProjectionSample(
      ctx,
      mode === "margin" ? { margin: value / 100, actorId: admin.id } : { size: value, actorId: admin.id },
    ),
  );
  return { error: null, info };
}

export default function Projection() {
  const { info, projections, totalTps } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT(projectionMessages, adminMessages);
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
        {result?.error ? (
          <p role="alert" className="error">
            {result.error}
          </p>
        ) : null}
        <button type="submit" className="primary" disabled={busy}>
          {t("admin.projection.draw")}
        </button>
      </Form>
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
