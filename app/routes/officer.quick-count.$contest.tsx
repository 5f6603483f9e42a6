import { randomUUID } from "node:crypto";
import { BackHome, useOfficer } from "~/components/officer-nav";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useEffect, useState } from "react";
import { c1Context } from "~/lib/c1-rules";
import { QuickCountForm, type QueuedQuickCount } from "~/components/quick-count-form";
import { queueQuickCount } from "~/components/quick-count/queue";
import { idbStore } from "~/lib/outbox-idb";
import { quickCountFields } from "~/lib/schemas";
import { translate } from "~/lib/i18n";
import { c1FormMessages } from "~/lib/messages/c1-form";
import { quickCountMessages } from "~/lib/messages/quick-count";
import { useT } from "~/lib/use-t";
import { officerBallot } from "~/models/c1-form.server";
import { TopBar } from "~/root";
import { requirePageUser } from "~/utils/permissions.server";
import { pageRefusal } from "~/utils/page-action.server";
import { quickCountJob } from "~/utils/officer-jobs.server";
import { requestLang } from "~/utils/lang.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requirePageUser(request, context.sql, "officer:app");
  // Only the ballots this TPS votes in have a form here.
  const ballot = await officerBallot(context.sql, { tpsCode: user.tpsCode!, contest: params.contest ?? "" });
  if (!ballot) throw new Response("Not found", { status: 404 });
  const { tps, contest, current, otherBallots } = ballot;
  return {
    // A fresh id per form: a double tap or a resent form is the same submission to the server.
    id: randomUUID(),
    tps,
    contest,
    current: current ? { votes: current.votes, invalid: current.invalid } : null,
    otherBallots,
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePageUser(request, context.sql, "officer:app");
  const lang = requestLang(request);
  const form = await request.formData();
  const raw = { ...quickCountFields(form), tpsCode: user.tpsCode };
  // Without the script, the confirmation box stands for the words the script would send.
  if (form.get("confirmed")) {
    raw.justification = [translate(lang, c1FormMessages, "cform.confirm"), raw.justification]
      .filter(Boolean)
      .join(" — ");
  }
  // On any error the typed numbers go back to the page, so nothing is lost even without JavaScript.
  const text = (name: string) => (typeof form.get(name) === "string" ? (form.get(name) as string) : "");
  const values = {
    votes: raw.votes,
    invalid: text("invalid"),
    valid: text("valid"),
    ballotsUsed: text("ballotsUsed"),
    justification: text("justification"),
  };
  const refused = await pageRefusal(lang, { values }, () => quickCountJob(context, { user, raw, lang }));
  return refused ?? redirect("/officer");
}

/** A refused outbox item to put back in the form (?fix=<id>). */
function useFixItem(fixId: string | null) {
  const [restore, setRestore] = useState<{ values: Record<string, string>; justification: string } | null>(null);
  useEffect(() => {
    if (!fixId) return;
    void idbStore.get(fixId).then((item) => {
      const body = item?.body as QueuedQuickCount | undefined;
      if (!body) return;
      const values: Record<string, string> = {
        invalid: body.invalid ?? "",
        valid: body.valid ?? "",
        ballotsUsed: body.ballotsUsed ?? "",
      };
      for (const [n, v] of Object.entries(body.votes)) values[`votes.${n}`] = v ?? "";
      setRestore({ values, justification: body.justification ?? "" });
    });
  }, [fixId]);
  return restore;
}

export default function QuickCountPage() {
  const { id, tps, contest, current, otherBallots } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const t = useT(quickCountMessages);
  const officer = useOfficer();
  const fixing = useSearchParams()[0].get("fix");
  const restore = useFixItem(fixing);
  const draftKey = `pantau:draft:qc:${tps.code}:${contest.code}`;
  return (
    <>
      <TopBar title={`TPS ${tps.code}`} />
      <main className="page phone">
        <BackHome />
        <h1>{t("qc.title", { contest: contest.name })}</h1>
        {result?.message ? (
          <p className="error" role="alert">
            {result.message}
          </p>
        ) : null}
        <QuickCountForm
          key={id}
          id={id}
          tpsCode={tps.code}
          contest={contest}
          context={c1Context(contest, tps, current, otherBallots)}
          initial={current}
          typed={result?.values}
          serverErrors={result?.errors}
          busy={busy}
          draftKey={draftKey}
          restore={restore}
          autoFocus
          onQueue={async (body, photos) => {
            await queueQuickCount(body, photos, {
              account: officer.account,
              contestName: contest.name,
              fixing,
              fixUrl: `/officer/quick-count/${contest.code}?fix=${body.id}`,
            });
            localStorage.removeItem(draftKey);
            window.location.assign("/officer");
          }}
        />
      </main>
    </>
  );
}
