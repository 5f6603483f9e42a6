// One result under review: the sources side by side (app, paper, phone, radio, SMS revisions and the two
// keyings of a conflicting paper form), the history, and the reviewer's actions: verify, take a source's
// numbers, correct with a reason (a new revision), settle a paper conflict (supervisor). Who else has the item
// open is shown live, and a decision taken meanwhile asks first (components/review/presence.tsx).
import { randomUUID } from "node:crypto";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { can } from "~/lib/access";
import { c1Context } from "~/lib/c1-rules";
import { PoskoNav } from "~/components/posko-nav";
import { C1FormView } from "~/components/c1-form/form-view";
import { CorrectionForm } from "~/components/review/correction-form";
import { ResolvePaperForm } from "~/components/review/resolve-paper-form";
import { RevisionHistory } from "~/components/review/revision-history";
import { OtherPhotos, SourceColumnCard, useSourceColumns } from "~/components/review/source-columns";
import type { ReviewDetail } from "~/components/review/types";
import { ConfirmWhileShared, PresenceLine } from "~/components/review/presence";
import { useReviewPresence } from "~/components/review/use-presence";
import { quickCountFields, TPS_CODE } from "~/lib/schemas";
import { commandPostMessages } from "~/lib/messages/command-post";
import { c1FormMessages } from "~/lib/messages/c1-form";
import { commonMessages } from "~/lib/messages/common";
import { reviewMessages } from "~/lib/messages/review";
import { tpsStatusMessages } from "~/lib/messages/tps-status";
import { useT } from "~/lib/use-t";
import { getContest, getTps } from "~/models/election.server";
import { tpsPhotos } from "~/models/command-post.server";
import { reviewDetail } from "~/models/review.server";
import { ballotForForm } from "~/models/c1-form.server";
import { TopBar } from "~/root";
import { canReview, requirePageAccess, requirePageUser } from "~/utils/permissions.server";
import { requestLang } from "~/utils/lang.server";
import { regionLabel } from "~/lib/regions";
import { pageAction } from "~/utils/page-action.server";
import { reviewResult } from "~/utils/review-actions.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requirePageUser(request, context.sql, "result:review");
  const code = params.tps ?? "";
  const [tps, contest] = await Promise.all([
    TPS_CODE.test(code) ? getTps(context.sql, { code }) : undefined,
    getContest(context.sql, { code: params.contest ?? "" }),
  ]);
  if (!tps || !contest) throw new Response("Not found", { status: 404 });
  requirePageAccess(canReview(user, tps));
  const [detail, photos, ballot] = await Promise.all([
    reviewDetail(context.sql, { tpsCode: tps.code, contest: contest.code }),
    tpsPhotos(context.sql, { tpsCode: tps.code, contest: contest.code }),
    ballotForForm(context.sql, { tpsCode: tps.code, contest: contest.code }),
  ]);
  return {
    id: randomUUID(),
    me: user.id,
    role: user.role,
    contest,
    detail,
    photos,
    // Quick entry only, or the complete C.Hasil (sections I-V) with it.
    completeness: ballot.current?.completeness ?? null,
    c1Form: ballot.current?.form ?? null,
    tps: {
      code: tps.code,
      address: tps.address,
      kelurahan: regionLabel(tps.kelurahanKind, tps.kelurahanName),
      kecamatan: regionLabel("kecamatan", tps.kecamatanName),
      dpt: tps.dpt,
      dptb: tps.dptb,
      dpk: tps.dpk,
    },
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requirePageUser(request, context.sql, "result:review");
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
  const { id, me, role, contest, detail, tps, photos, completeness, c1Form } = useLoaderData<typeof loader>();
  const others = useReviewPresence({ tps: tps.code, contest: contest.code, me });
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const t = useT(tpsStatusMessages, commandPostMessages, reviewMessages, c1FormMessages, commonMessages);
  const current = detail.current;
  const columns = useSourceColumns(detail);

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
          {tps.address} · {tps.kelurahan}, {tps.kecamatan}
        </p>
        <PresenceLine others={others} />
        <ReviewStatus detail={detail} />
        {completeness ? (
          <p data-testid="review-completeness">
            <span className={`badge completeness-${completeness}`}>{t(`cform.completeness.${completeness}`)}</span>
          </p>
        ) : null}
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

        <ConfirmWhileShared others={others}>
          {c1Form ? <C1FormView contest={contest} form={c1Form} context={c1Context(contest, tps)} /> : null}

          <h2>{t("review.sources")}</h2>
          <div className="side-by-side" data-testid="sources">
            {columns.map((c) => (
              <SourceColumnCard
                key={c.key}
                column={c}
                columns={columns}
                contest={contest}
                photos={photos}
                currentVerified={current?.status === "verified"}
                busy={busy}
              />
            ))}
          </div>
          <OtherPhotos photos={photos} columns={columns} />

          {detail.paper?.state === "conflict" && can({ role }, "paper:resolve") ? (
            <ResolvePaperForm formId={detail.paper.formId} busy={busy} />
          ) : null}

          <CorrectionForm
            key={id}
            id={id}
            tpsCode={tps.code}
            contest={contest}
            context={c1Context(contest, tps)}
            initial={current ? { votes: current.votes, invalid: current.invalid } : null}
            serverErrors={result && !result.ok ? result.errors : undefined}
            busy={busy}
          />
        </ConfirmWhileShared>

        <h2>{t("review.history")}</h2>
        <RevisionHistory detail={detail} contest={contest} />
      </main>
    </>
  );
}

/** The result's review status, and whether its paper form's two keyings disagree. */
function ReviewStatus({ detail }: { detail: ReviewDetail }) {
  const t = useT(tpsStatusMessages, commandPostMessages, reviewMessages, c1FormMessages, commonMessages);
  const current = detail.current;
  return (
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
  );
}
