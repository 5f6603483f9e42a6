// One result under review: the sources side by side (app, paper, phone, radio, SMS revisions and the two
// keyings of a conflicting paper form), the history, and the reviewer's actions: verify, take a source's
// numbers, correct with a reason (a new revision), settle a paper conflict (supervisor).
import { randomUUID } from "node:crypto";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { c1Context } from "~/lib/c1-rules";
import { PoskoNav } from "~/components/posko-nav";
import { Time } from "~/components/time";
import { QuickCountForm } from "~/components/quick-count-form";
import { quickCountFields, TPS_CODE } from "~/lib/schemas";
import { useT } from "~/lib/use-t";
import { getContest, getTps } from "~/models/election.server";
import { tpsPhotos } from "~/models/command-post.server";
import { canReview, reviewDetail } from "~/models/review.server";
import { TopBar } from "~/root";
import { requirePageUser } from "~/utils/auth.server";
import { requestLang } from "~/utils/lang.server";
import { pageAction } from "~/utils/page-action.server";
import { reviewResult } from "~/utils/review-actions.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requirePageUser(request, context.sql, ["supervisor", "operator", "admin"]);
  const code = params.tps ?? "";
  const [tps, contest] = await Promise.all([
    TPS_CODE.test(code) ? getTps(context.sql, { code }) : undefined,
    getContest(context.sql, { code: params.contest ?? "" }),
  ]);
  if (!tps || !contest) throw new Response("Not found", { status: 404 });
  if (!canReview(user, tps)) throw new Response("Forbidden", { status: 403 });
  const [detail, photos] = await Promise.all([
    reviewDetail(context.sql, { tpsCode: tps.code, contest: contest.code }),
    tpsPhotos(context.sql, { tpsCode: tps.code, contest: contest.code }),
  ]);
  return {
    id: randomUUID(),
    role: user.role,
    contest,
    detail,
    photos,
    tps: {
      code: tps.code,
      address: tps.address,
      kelurahan: tps.kelurahanName,
      kecamatan: tps.kecamatanName,
      dpt: tps.dpt,
      dptb: tps.dptb,
      dpk: tps.dpk,
    },
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requirePageUser(request, context.sql, ["supervisor", "operator", "admin"]);
  const lang = requestLang(request);
  const form = await request.formData();
  const intent = form.get("intent");
  const raw =
    intent === "correct"
      ? { ...quickCountFields(form), action: "correct", reason: form.get("reason"), source: form.get("source") }
      : intent === "resolve_paper"
        ? { action: "resolve_paper", formId: form.get("formId"), choice: form.get("choice"), note: form.get("note") }
        : {
            action: "verify",
            tpsCode: params.tps,
            contest: params.contest,
            submissionId: form.get("submissionId") || null,
          };
  return pageAction(lang, () => reviewResult(context, { user, raw, lang }));
}

export default function ReviewResult() {
  const { id, role, contest, detail, tps, photos } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const t = useT();
  const current = detail.current;
  const latestBySource = Object.values(Object.fromEntries([...detail.revisions].reverse().map((r) => [r.source, r])));
  const columns = [
    ...latestBySource.map((r) => ({
      key: r.id,
      title: `${t(`review.source.${r.source}`)} · rev ${r.revision}`,
      by: r.author,
      votes: r.votes,
      invalid: r.invalid,
      submissionId: r.id,
      isCurrent: r.id === current?.submissionId,
    })),
    ...(detail.paper?.entries ?? []).map((e) => ({
      key: `entry-${e.round}`,
      title: t("review.entry", { round: e.round }),
      by: e.author,
      votes: e.votes,
      invalid: e.invalid,
      submissionId: null,
      isCurrent: false,
    })),
  ];
  const differs = (k: string, v: number) => columns.some((c) => (k === "invalid" ? c.invalid : c.votes[k]) !== v);

  return (
    <>
      <TopBar title={t("posko.title")} />
      <PoskoNav role={role} />
      <main className="page wide">
        <p>
          <Link to="/posko/verifikasi">← {t("nav.review")}</Link>
        </p>
        <h1 className="tps-code">
          TPS {tps.code} · {contest.name}
        </h1>
        <p className="muted">
          {tps.address} · Kel. {tps.kelurahan}, Kec. {tps.kecamatan}
        </p>
        <p data-testid="review-status">
          {t("map.status")}:{" "}
          {current ? (
            <span className={`badge status-${current.status}`}>{t(`status.${current.status}`)}</span>
          ) : (
            t("status.missing")
          )}
          {detail.paper?.state === "conflict" ? (
            <>
              {" "}
              · <span className="badge status-conflict">{t("review.paperConflict")}</span>
            </>
          ) : null}
        </p>
        {result && !result.ok ? (
          <p className="notice bad" role="alert">
            {result.message}
            {result.errors.length ? `: ${result.errors.map((e) => e.message).join(" ")}` : ""}
          </p>
        ) : null}
        {result?.ok ? (
          <p className="notice good" role="status" data-testid="review-done">
            {t("review.saved")}
          </p>
        ) : null}

        <h2>{t("review.sources")}</h2>
        <div className="side-by-side" data-testid="sources">
          {columns.map((c) => (
            <div key={c.key} className={`source${c.isCurrent ? " current" : ""}`}>
              <h3>{c.title}</h3>
              <p className="small muted">
                {c.by}
                {c.isCurrent ? ` · ${t("review.current")}` : ""}
              </p>
              <table className="data-table">
                <tbody>
                  {contest.candidates.map((k) => (
                    <tr key={k.number}>
                      <td>
                        {k.number}. {k.name}
                      </td>
                      <td className={`num${differs(String(k.number), c.votes[k.number]) ? " diff" : ""}`}>
                        {c.votes[k.number]}
                      </td>
                    </tr>
                  ))}
                  <tr>
                    <td>{t("posko.invalid")}</td>
                    <td className={`num${differs("invalid", c.invalid) ? " diff" : ""}`}>{c.invalid}</td>
                  </tr>
                </tbody>
              </table>
              {photos
                .filter((p) => p.submissionId && p.submissionId === c.submissionId)
                .map((p) => (
                  <a key={p.id} href={`/api/v1/photos/${p.id}`} target="_blank" rel="noreferrer">
                    <img className="c1-photo" src={`/api/v1/photos/${p.id}`} alt={t("detail.photos")} loading="lazy" />
                  </a>
                ))}
              {c.submissionId && !(c.isCurrent && current?.status === "verified") ? (
                <Form method="post">
                  <input type="hidden" name="intent" value="verify" />
                  {c.isCurrent ? null : <input type="hidden" name="submissionId" value={c.submissionId} />}
                  <button type="submit" disabled={busy} data-testid={`verify-${c.key}`}>
                    {c.isCurrent ? t("review.verify") : t("review.useThis")}
                  </button>
                </Form>
              ) : null}
            </div>
          ))}
        </div>
        {photos.some((p) => !columns.some((c) => c.submissionId && c.submissionId === p.submissionId)) ? (
          <div className="photo-strip" data-testid="review-photos">
            {photos
              .filter((p) => !columns.some((c) => c.submissionId && c.submissionId === p.submissionId))
              .map((p) => (
                <a key={p.id} href={`/api/v1/photos/${p.id}`} target="_blank" rel="noreferrer">
                  <img className="c1-photo" src={`/api/v1/photos/${p.id}`} alt={t("detail.photos")} loading="lazy" />
                </a>
              ))}
          </div>
        ) : photos.length ? null : (
          <p className="small muted">{t("review.noPhotos")}</p>
        )}

        {detail.paper?.state === "conflict" && (role === "supervisor" || role === "admin") ? (
          <section className="card" data-testid="resolve-paper">
            <h2>{t("review.resolveTitle")}</h2>
            <Form method="post" className="stack">
              <input type="hidden" name="intent" value="resolve_paper" />
              <input type="hidden" name="formId" value={detail.paper.formId} />
              <label className="check">
                <input type="radio" name="choice" value="first" defaultChecked /> {t("review.entry", { round: 1 })}
              </label>
              <label className="check">
                <input type="radio" name="choice" value="second" /> {t("review.entry", { round: 2 })}
              </label>
              <label className="field">
                <span>{t("review.reason")}</span>
                <input name="note" maxLength={1000} required minLength={5} />
              </label>
              <button type="submit" className="primary" disabled={busy}>
                {t("review.resolve")}
              </button>
            </Form>
          </section>
        ) : null}

        <section className="card">
          <h2>{t("review.correctTitle")}</h2>
          <QuickCountForm
            key={id}
            id={id}
            tpsCode={tps.code}
            contest={contest}
            context={c1Context(contest, tps)}
            initial={current ? { votes: current.votes, invalid: current.invalid } : null}
            serverErrors={result && !result.ok ? result.errors : undefined}
            busy={busy}
            submitLabel={t("review.correct")}
            extra={
              <>
                <input type="hidden" name="intent" value="correct" />
                <label className="field">
                  <span>{t("paper.source")}</span>
                  <select name="source" defaultValue="paper">
                    {(["paper", "app", "phone", "radio", "sms"] as const).map((s) => (
                      <option key={s} value={s}>
                        {t(`review.source.${s}`)}
                      </option>
                    ))}
                  </select>
                </label>
                <label className="field">
                  <span>{t("review.reason")}</span>
                  <textarea name="reason" rows={2} maxLength={1000} />
                </label>
              </>
            }
          />
        </section>

        <h2>{t("review.history")}</h2>
        <table className="data-table" data-testid="history">
          <thead>
            <tr>
              <th>rev</th>
              <th>{t("paper.source")}</th>
              <th>{t("review.by")}</th>
              <th>{t("review.numbers")}</th>
              <th>{t("review.reason")}</th>
              <th>{t("review.when")}</th>
            </tr>
          </thead>
          <tbody>
            {detail.revisions.map((r) => (
              <tr key={r.id}>
                <td>
                  {r.revision}
                  {r.id === current?.submissionId ? " ★" : ""}
                </td>
                <td>{t(`review.source.${r.source}`)}</td>
                <td>{r.author}</td>
                <td className="small">
                  {contest.candidates.map((k) => `${k.number}: ${r.votes[k.number]}`).join(" · ")} ·{" "}
                  {t("posko.invalid")}: {r.invalid}
                </td>
                <td className="small">{r.reason ?? r.justification ?? ""}</td>
                <td className="small">
                  <Time iso={r.receivedAt} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </main>
    </>
  );
}
