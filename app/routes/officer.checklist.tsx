// The opening checklist: the items configured for this election, each "yes" or "no" with a
// note for a "no". Sent through the outbox; the command post sees which items are not in order.
import { BackHome, useOfficer } from "~/components/officer-nav";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useState } from "react";
import { OutboxPanel } from "~/components/outbox-panel";
import { enqueue } from "~/lib/outbox-client";
import { officerMessages } from "~/lib/messages/officer";
import { useT } from "~/lib/use-t";
import { getOfficerDay } from "~/models/officer-actions.server";
import { TopBar } from "~/root";
import { requirePageUser } from "~/utils/permissions.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePageUser(request, context.sql, "officer:app");
  const day = await getOfficerDay(context.sql, { tpsCode: user.tpsCode! });
  return { tpsCode: user.tpsCode!, items: day.checklist };
}

export default function Checklist() {
  const { tpsCode, items } = useLoaderData<typeof loader>();
  const t = useT(officerMessages);
  const officer = useOfficer();
  const [answers, setAnswers] = useState<Record<string, { ok: boolean | null; note: string }>>(() =>
    Object.fromEntries(items.map((i) => [i.code, { ok: i.ok, note: i.note ?? "" }])),
  );
  const [tried, setTried] = useState(false);
  const [queued, setQueued] = useState(false);
  const open = items.filter((i) => answers[i.code].ok === null);
  const set = (code: string, change: Partial<{ ok: boolean; note: string }>) =>
    setAnswers((a) => ({ ...a, [code]: { ...a[code], ...change } }));

  const send = async () => {
    setTried(true);
    const answered = items.filter((i) => answers[i.code].ok !== null);
    if (answered.length === 0) return;
    const id = crypto.randomUUID();
    await enqueue(
      {
        id,
        kind: "checklist",
        url: "/api/v1/checklists",
        tps: tpsCode,
        account: officer.account,
        label: `${answered.filter((i) => answers[i.code].ok).length}/${items.length}`,
        body: {
          id,
          tpsCode,
          capturedAt: new Date().toISOString(),
          answers: answered.map((i) => ({
            item: i.code,
            ok: answers[i.code].ok!,
            note: answers[i.code].note.trim() || null,
          })),
        },
      },
      { waitMs: 3000 },
    );
    setQueued(true);
  };

  return (
    <>
      <TopBar title={`TPS ${tpsCode}`} />
      <main className="page phone">
        <BackHome />
        <h1>{t("checklist.title")}</h1>
        <ol className="checklist">
          {items.map((item) => {
            const a = answers[item.code];
            return (
              <li key={item.code} className="card" data-testid={`check-${item.code}`}>
                <p>{item.label}</p>
                <div className="yes-no" role="radiogroup" aria-label={item.label}>
                  <label className={a.ok === true ? "chosen" : ""}>
                    <input
                      type="radio"
                      name={item.code}
                      checked={a.ok === true}
                      onChange={() => set(item.code, { ok: true })}
                    />{" "}
                    {t("checklist.yes")}
                  </label>
                  <label className={a.ok === false ? "chosen no" : ""}>
                    <input
                      type="radio"
                      name={item.code}
                      checked={a.ok === false}
                      onChange={() => set(item.code, { ok: false })}
                    />{" "}
                    {t("checklist.no")}
                  </label>
                </div>
                {a.ok === false ? (
                  <label className="field">
                    <span>{t("checklist.note")}</span>
                    <input maxLength={500} value={a.note} onChange={(e) => set(item.code, { note: e.target.value })} />
                  </label>
                ) : null}
              </li>
            );
          })}
        </ol>
        {tried && open.length === items.length ? (
          <p className="error" role="alert">
            {t("checklist.nothing")}
          </p>
        ) : null}
        {open.length && open.length < items.length ? (
          <p className="muted">{t("checklist.open", { n: open.length })}</p>
        ) : null}
        <button type="button" className="primary big" onClick={() => void send()} disabled={queued}>
          {t("checklist.submit")}
        </button>
        {queued ? (
          <p role="status" data-testid="checklist-queued">
            {t("checklist.queued")}
          </p>
        ) : null}
        <OutboxPanel showSent={false} />
      </main>
    </>
  );
}
