// The officer completes the C.Hasil of one ballot after the quick entry: sections I-V box for box, with the
// rules live, and a photo of each page; sent through the outbox like the quick entry (offline-safe).
import { BackHome, useOfficer } from "~/components/officer-nav";
import { randomUUID } from "node:crypto";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useEffect, useState } from "react";
import { CompleteC1Form } from "~/components/c1-form/complete-form";
import type { FormDraft } from "~/components/c1-form/use-form-values";
import type { QueuedQuickCount } from "~/components/quick-count-form";
import { queueQuickCount } from "~/components/quick-count/queue";
import { boxesFromQuick, flattenForm } from "~/lib/c1-layout";
import { c1Context } from "~/lib/c1-rules";
import { translate } from "~/lib/i18n";
import { c1FormMessages } from "~/lib/messages/c1-form";
import { idbStore } from "~/lib/outbox-idb";
import { quickCountFields } from "~/lib/schemas";
import { useT } from "~/lib/use-t";
import { officerBallot } from "~/models/c1-form.server";
import { TopBar } from "~/root";
import { requestLang } from "~/utils/lang.server";
import { quickCountJob } from "~/utils/officer-jobs.server";
import { pageRefusal } from "~/utils/page-action.server";
import { requirePageUser } from "~/utils/permissions.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requirePageUser(request, context.sql, "officer:app");
  // Only the ballots this TPS votes in have a form here.
  const ballot = await officerBallot(context.sql, { tpsCode: user.tpsCode!, contest: params.contest ?? "" });
  if (!ballot) throw new Response("Not found", { status: 404 });
  const { tps, contest, current, otherBallots } = ballot;
  return {
    id: randomUUID(),
    tps,
    contest,
    previous: current ? { votes: current.votes, invalid: current.invalid } : null,
    otherBallots,
    // The stored complete form, else the boxes the quick entry already filled (section IV and V.B).
    start: current?.form ? flattenForm(current.form) : current ? boxesFromQuick(contest, current) : {},
    fromQuick: !!current && !current.form,
  };
}

/** Without JavaScript the form posts here; the boxes come back with the refusal so nothing is lost. */
export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePageUser(request, context.sql, "officer:app");
  const lang = requestLang(request);
  const form = await request.formData();
  const raw = { ...quickCountFields(form), tpsCode: user.tpsCode };
  // The script composes the justification; without it, the confirmation box and the reason do.
  const reason = typeof form.get("reason") === "string" ? (form.get("reason") as string).trim() : "";
  const confirmed = form.get("confirmed") ? translate(lang, c1FormMessages, "cform.confirm") : "";
  raw.justification ||= [confirmed, reason].filter(Boolean).join(" — ") || undefined;
  const values: Record<string, string> = {};
  for (const [name, value] of form.entries())
    if (name.startsWith("form.") && typeof value === "string") values[name] = value;
  const refused = await pageRefusal(lang, { values }, () => quickCountJob(context, { user, raw, lang }));
  return refused ?? redirect("/officer");
}

/** A refused outbox item put back in the form (?fix=<id>). */
function useFixItem(fixId: string | null, confirmation: string) {
  const [restore, setRestore] = useState<FormDraft | null>(null);
  useEffect(() => {
    if (!fixId) return;
    void idbStore.get(fixId).then((item) => {
      const body = item?.body as QueuedQuickCount | undefined;
      if (!body?.form) return;
      // The justification was the confirmation's words, the reason, or both joined by " — ".
      const parts = (body.justification ?? "").split(" — ");
      const confirmed = parts.includes(confirmation);
      const reason = parts.filter((p) => p !== confirmation).join(" — ");
      setRestore({ values: flattenForm(body.form), confirmed, reason });
    });
  }, [fixId, confirmation]);
  return restore;
}

export default function CompleteC1Page() {
  const { id, tps, contest, previous, otherBallots, start, fromQuick } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const t = useT(c1FormMessages);
  const officer = useOfficer();
  const fixing = useSearchParams()[0].get("fix");
  const restore = useFixItem(fixing, t("cform.confirm"));
  const draftKey = `pantau:draft:c1:${tps.code}:${contest.code}`;
  return (
    <>
      <TopBar title={`TPS ${tps.code}`} />
      <main className="page phone">
        <BackHome />
        <h1>{t("cform.title", { contest: contest.name })}</h1>
        <p className="muted">{t("cform.intro")}</p>
        {fromQuick ? <p className="notice good">{t("cform.prefilled")}</p> : null}
        {result?.message ? (
          <p className="error" role="alert">
            {result.message}
          </p>
        ) : null}
        <CompleteC1Form
          key={id}
          id={id}
          tpsCode={tps.code}
          contest={contest}
          context={c1Context(contest, tps, previous, otherBallots)}
          start={result?.values ?? start}
          serverErrors={result?.errors}
          busy={busy}
          draftKey={draftKey}
          restore={restore}
          onQueue={async (body, photos) => {
            await queueQuickCount(body, photos, {
              account: officer.account,
              contestName: `C.Hasil ${contest.name}`,
              fixing,
              fixUrl: `/officer/c-hasil/${contest.code}?fix=${body.id}`,
            });
            localStorage.removeItem(draftKey);
            window.location.assign("/officer");
          }}
        />
      </main>
    </>
  );
}
