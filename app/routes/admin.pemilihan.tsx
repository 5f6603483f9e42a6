// Admin: contests (ballots) with their type, electoral area, dapil and candidates: pairs, DPD candidates or
// party lists. The list is searchable (the national election has 2,800 contests); the contest being edited
// shows its area on a map. `?kode=<code>` edits one, `?kode=baru` starts a new one.
import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import leafletCss from "leaflet/dist/leaflet.css?url";
import { lazy, Suspense, useEffect, useState } from "react";
import type { z } from "zod";
import { SaveFeedback } from "~/components/save-feedback";
import { ballotStructure, CONTEST_TYPES, type Contest } from "~/lib/contests";
import { formatNumber as formatIn } from "~/lib/format";
import { combineMessages, translate, type Lang, type MessageKey } from "~/lib/i18n";
import { adminMessages } from "~/lib/messages/admin";
import { inputCheckMessages } from "~/lib/messages/input-checks";
import { CONTROL_CHARACTER_CODE } from "~/lib/schemas/atoms";
import { commonMessages } from "~/lib/messages/common";
import { useLang, useT } from "~/lib/use-t";
import { ContestBody } from "~/lib/schemas/admin";
import {
  contestAreaMap,
  contestPositions,
  listContestSummaries,
  listParties,
  saveContest,
} from "~/models/contests.server";
import { getContest } from "~/models/election.server";
import { readForm, requireAdminPage } from "~/utils/admin.server";
import { requestLang } from "~/utils/lang.server";
import { describeProblem, problemOf } from "~/utils/problem-answer.server";

// Leaflet needs the browser: the map loads after the page has hydrated.
const ContestAreaMap = lazy(() => import("~/components/admin/contest-area-map.client"));

export const links: LinksFunction = () => [{ rel: "stylesheet", href: leafletCss }];

const messages = combineMessages(adminMessages, commonMessages, inputCheckMessages);
const LIST_MAX = 200;
const NEW = "baru";

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireAdminPage(request, context.sql);
  const url = new URL(request.url);
  const q = (url.searchParams.get("q") ?? "").trim().slice(0, 60) || null;
  const type = CONTEST_TYPES.find((t) => t === url.searchParams.get("jenis")) ?? null;
  const contests = await listContestSummaries(context.sql, { q, type, limit: LIST_MAX });
  const asked = url.searchParams.get("kode");
  const code = asked === NEW ? null : asked || contests[0]?.code || null;
  const contest = code ? await getContest(context.sql, { code }) : undefined;
  const position = contest ? ((await contestPositions(context.sql)).get(contest.code) ?? 0) : contests.length + 1;
  return {
    contests,
    q,
    type,
    contest: contest ? { ...contest, position } : null,
    newPosition: position,
    areaMap: contest ? await contestAreaMap(context.sql, { area: contest.area }) : null,
    parties: await listParties(context.sql),
  };
}

/** Lines "a | b | c" of a textarea, as cells (a party list may have hundreds of lines). */
const cellsOf = (text: string) =>
  text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .slice(0, 2000)
    .map((l) => l.split("|").map((c) => c.trim()));

const FIELD_LABELS = ["area", "candidates", "type", "code", "name", "position", "dapil"] as const;

/** A refusal's line for the admin: the field's label (and the candidate's line), then what is wrong. */
function describeIssue(lang: Lang, issue: z.ZodIssue) {
  const say = (key: MessageKey<typeof messages>, params?: Record<string, string | number>) =>
    translate(lang, messages, key, params);
  const [field, index] = issue.path;
  const label = FIELD_LABELS.find((f) => f === field);
  const where = [
    label ? say(`admin.contests.field.${label}`) : String(field ?? ""),
    typeof index === "number" ? say("admin.settings.line", { line: index + 1 }) : "",
  ]
    .filter(Boolean)
    .join(" ");
  const message =
    issue.message === "duplicate"
      ? say("admin.settings.duplicate")
      : issue.message === "party_needed"
        ? say("admin.contests.partyNeeded")
        : issue.message === "no_party"
          ? say("admin.contests.noParty")
          : issue.message === CONTROL_CHARACTER_CODE
            ? say("input.controlCharacter")
            : say("api.invalidField");
  return say("admin.contests.fixField", { field: where, message });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const admin = await requireAdminPage(request, context.sql);
  const lang = requestLang(request);
  const form = await readForm(request);
  const str = (k: string) => String(form.get(k) ?? "").slice(0, 100_000);
  const type = str("type") || undefined;
  const partyList = CONTEST_TYPES.some((t) => t === type && ballotStructure(t) === "parties");
  const parsed = ContestBody.safeParse({
    code: str("code"),
    name: str("name"),
    position: str("position") || "0",
    type,
    dapil: str("dapil"),
    area: str("area")
      .split(/[\s|,;]+/)
      .filter(Boolean),
    candidates: cellsOf(str("candidates")).map((cells) => {
      const [party = "0", number = "", name = ""] = partyList ? cells : ["0", ...cells];
      return { party, number, name };
    }),
  });
  if (!parsed.success)
    return data({ code: str("code"), ok: false, errors: parsed.error.issues.map((i) => describeIssue(lang, i)) }, 422);
  try {
    const outcome = await context.writer.write((ctx) => saveContest(ctx, { body: parsed.data, actorId: admin.id }));
    if (outcome === "in_use")
      return data(
        { code: parsed.data.code, ok: false, errors: [translate(lang, messages, "admin.contests.inUse")] },
        409,
      );
  } catch (error) {
    const known = problemOf(error);
    if (!known) throw error;
    const { status, body } = describeProblem(known, lang);
    const errors = (body.errors ?? []).map((e) => {
      const label = FIELD_LABELS.find((f) => f === e.field);
      const field = label ? translate(lang, messages, `admin.contests.field.${label}`) : e.field;
      return translate(lang, messages, "admin.contests.fixField", { field, message: e.message });
    });
    return data({ code: parsed.data.code, ok: false, errors: errors.length ? errors : [body.message] }, status);
  }
  return { code: parsed.data.code, ok: true, errors: [] as string[] };
}

/** The candidates as the textarea shows them: "number | name", or "party | number | name" for party lists. */
function candidateLines(contest: Pick<Contest, "candidates" | "parties">) {
  return [
    ...contest.candidates.map((k) => `${k.number} | ${k.name}`),
    ...contest.parties.flatMap((p) => p.candidates.map((k) => `${p.number} | ${k.number} | ${k.name}`)),
  ].join("\n");
}

export default function Contests() {
  const { contests, q, type, contest, newPosition, areaMap, parties } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT(adminMessages, commonMessages);
  const lang = useLang();
  const formatNumber = (n: number) => formatIn(n, lang);
  const busy = useNavigation().state !== "idle";
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  const editing = contest ?? {
    code: "",
    name: "",
    type: "walikota" as const,
    dapil: null,
    area: [] as string[],
    candidates: [],
    parties: [],
    position: newPosition,
  };
  const partyList = ballotStructure(editing.type) === "parties";
  const totalTps = areaMap?.regions.reduce((n, r) => n + r.tps, 0) ?? 0;
  const feedback = result && (result.code === editing.code || !contest) ? result : null;
  return (
    <>
      <h1>{t("admin.contests.title")}</h1>
      <div className="contest-admin">
        <div className="stack">
          <section className="card stack" aria-labelledby="contest-list">
            <h2 id="contest-list">{t("admin.contests.list")}</h2>
            <Form method="get" className="row">
              <label>
                {t("admin.contests.search")}
                <input name="q" defaultValue={q ?? ""} maxLength={60} />
              </label>
              <label>
                {t("admin.contests.type")}
                <select name="jenis" defaultValue={type ?? ""}>
                  <option value="">{t("admin.contests.allTypes")}</option>
                  {CONTEST_TYPES.map((k) => (
                    <option key={k} value={k}>
                      {t(`admin.contests.type.${k}`)}
                    </option>
                  ))}
                </select>
              </label>
              <button type="submit">{t("admin.contests.filter")}</button>
              <Link to="?kode=baru" className="new-contest">
                {t("admin.contests.new")}
              </Link>
            </Form>
            <p className="small muted">{t("admin.contests.shown", { n: contests.length, max: LIST_MAX })}</p>
            <div className="table-scroll">
              <table className="results-table" data-testid="contest-list">
                <thead>
                  <tr>
                    <th>{t("admin.contests.code")}</th>
                    <th>{t("admin.contests.name")}</th>
                    <th>{t("admin.contests.area")}</th>
                    <th className="num">{t("admin.contests.candidateCount")}</th>
                  </tr>
                </thead>
                <tbody>
                  {contests.map((c) => (
                    <tr key={c.code} aria-current={c.code === contest?.code ? "true" : undefined}>
                      <td>
                        <Link
                          to={`?${new URLSearchParams({ ...(q ? { q } : {}), ...(type ? { jenis: type } : {}), kode: c.code })}`}
                        >
                          {c.code}
                        </Link>
                      </td>
                      <td>
                        {c.name}
                        <div className="small muted">
                          {t(`admin.contests.type.${c.type}`)}
                          {c.dapil ? ` · ${t("admin.contests.dapil")} ${c.dapil}` : ""}
                        </div>
                      </td>
                      <td className="small">
                        {c.area.length > 4 ? `${c.area.slice(0, 4).join(" ")} …` : c.area.join(" ")}
                      </td>
                      <td className="num">{formatNumber(c.candidates)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
          {contest && areaMap ? (
            <section className="card stack" aria-labelledby="area-map">
              <h2 id="area-map">{t("admin.contests.map")}</h2>
              <p className="small" data-testid="area-summary">
                {contest.area.length
                  ? t("admin.contests.mapSummary", {
                      regions: formatNumber(areaMap.regions.length),
                      tps: formatNumber(totalTps),
                    })
                  : t("admin.contests.wholeElection")}
              </p>
              <ul className="small area-regions" data-testid="area-regions">
                {areaMap.regions.slice(0, 40).map((r) => (
                  <li key={r.code}>
                    {`${r.code} ${r.name} · ${t("admin.contests.mapTps", { n: formatNumber(r.tps) })}`}
                  </li>
                ))}
              </ul>
              <div className="area-map" data-testid="area-map">
                {mounted ? (
                  <Suspense fallback={null}>
                    <ContestAreaMap
                      regions={areaMap.regions}
                      points={areaMap.points}
                      tpsLabel={(n) => t("admin.contests.mapTps", { n: formatNumber(n) })}
                    />
                  </Suspense>
                ) : null}
              </div>
            </section>
          ) : null}
        </div>

        <Form
          key={editing.code || NEW}
          method="post"
          className="card stack"
          data-testid={`contest-form-${editing.code || "new"}`}
        >
          <h2>{editing.code ? editing.name : t("admin.contests.new")}</h2>
          <div className="row">
            <label>
              {t("admin.contests.code")}
              <input name="code" defaultValue={editing.code} readOnly={!!editing.code} required maxLength={40} />
            </label>
            <label>
              {t("admin.contests.type")}
              <select name="type" defaultValue={editing.type}>
                {CONTEST_TYPES.map((k) => (
                  <option key={k} value={k}>
                    {t(`admin.contests.type.${k}`)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t("admin.contests.position")}
              <input name="position" type="number" min={0} max={99} defaultValue={editing.position} />
            </label>
          </div>
          <div className="row">
            <label className="grow">
              {t("admin.contests.name")}
              <input name="name" defaultValue={editing.name} required maxLength={120} />
            </label>
            <label>
              {t("admin.contests.dapil")}
              <input name="dapil" defaultValue={editing.dapil ?? ""} maxLength={200} />
            </label>
          </div>
          <label>
            {t("admin.contests.area")}
            <textarea
              name="area"
              rows={2}
              defaultValue={editing.area.join(" ")}
              maxLength={8000}
              aria-describedby="area-help"
            />
            <span id="area-help" className="small muted">
              {t("admin.contests.areaHelp")}
            </span>
          </label>
          <label>
            {partyList ? t("admin.contests.partyLines") : t("admin.contests.candidates")}
            <textarea
              name="candidates"
              rows={partyList ? 10 : 4}
              defaultValue={candidateLines(editing)}
              maxLength={100_000}
            />
          </label>
          {partyList ? (
            <p className="small muted" data-testid="parties-known">
              {parties.length
                ? `${t("admin.contests.partiesKnown")} ${parties.map((p) => `${p.number} ${p.abbrev}`).join(", ")}`
                : t("admin.contests.noParties")}
            </p>
          ) : null}
          {feedback ? <SaveFeedback result={feedback} saved={t("admin.settings.saved")} /> : null}
          {feedback?.ok && !contest ? (
            <Link to={`?kode=${feedback.code}`}>{`${t("admin.contests.edit")} ${feedback.code}`}</Link>
          ) : null}
          <button type="submit" className="primary" disabled={busy}>
            {t("admin.settings.save")}
          </button>
        </Form>
      </div>
    </>
  );
}
