// The checklist of one phase of the day (`?fase=`, the opening checklist without it): the items configured for
// this election, each "yes" or "no" with a note for a "no", a number or a short text. Sent through the outbox
// (idempotent on its id); the command post counts the "no" answers per area. The phases are tabs.
import { BackHome, useOfficer } from "~/components/officer-nav";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useState } from "react";
import { answeredPhases } from "~/components/officer-home/checklist-reminder";
import { OPENING_PHASE, type ChecklistItemKind } from "~/lib/checklists";
import { formatClock } from "~/lib/format";
import { checklistMessages } from "~/lib/messages/checklists";
import { useOutbox } from "~/lib/outbox-client";
import { OutboxPanel } from "~/components/outbox-panel";
import { enqueue } from "~/lib/outbox-client";
import { officerMessages } from "~/lib/messages/officer";
import { useLang, useT } from "~/lib/use-t";
import { getOfficerDay } from "~/models/officer-actions.server";
import { TopBar } from "~/root";
import { requirePageUser } from "~/utils/permissions.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePageUser(request, context.sql, "officer:app");
  const day = await getOfficerDay(context.sql, { tpsCode: user.tpsCode! });
  const asked = new URL(request.url).searchParams.get("fase");
  const phases = day.phases.filter((p) => p.items.length > 0);
  const phase = phases.find((p) => p.phase === asked) ?? phases.find((p) => p.phase === OPENING_PHASE) ?? phases[0];
  const answers = day.answers.filter((a) => a.phase === phase?.phase);
  return {
    tpsCode: user.tpsCode!,
    phase: phase ? { phase: phase.phase, due: phase.due } : null,
    phases: phases.map((p) => ({ phase: p.phase, due: p.due, answered: day.answers.some((a) => a.phase === p.phase) })),
    items: (phase?.items ?? []).map((i) => {
      const a = answers.find((x) => x.item === i.code);
      return {
        code: i.code,
        kind: i.kind,
        label: { id: i.id, en: i.en },
        ok: a?.ok ?? null,
        value: a?.number != null ? String(a.number) : (a?.text ?? ""),
        note: a?.note ?? null,
      };
    }),
  };
}

type Answer = { ok: boolean | null; value: string; note: string };
const given = (kind: ChecklistItemKind, a: Answer) => (kind === "yesno" ? a.ok !== null : a.value.trim() !== "");

export default function Checklist() {
  const { tpsCode, items, phase, phases } = useLoaderData<typeof loader>();
  const t = useT(officerMessages, checklistMessages);
  const lang = useLang();
  const officer = useOfficer();
  const { items: outbox } = useOutbox(officer);
  const [answers, setAnswers] = useState<Record<string, Answer>>(() =>
    Object.fromEntries(items.map((i) => [i.code, { ok: i.ok, value: i.value, note: i.note ?? "" }])),
  );
  const [tried, setTried] = useState(false);
  const [queued, setQueued] = useState(false);
  const open = items.filter((i) => !given(i.kind, answers[i.code]));
  const set = (code: string, change: Partial<Answer>) =>
    setAnswers((a) => ({ ...a, [code]: { ...a[code], ...change } }));
  const sent = answeredPhases(
    phases.filter((p) => p.answered).map((p) => p.phase),
    outbox,
  );

  const send = async () => {
    setTried(true);
    const answered = items.filter((i) => given(i.kind, answers[i.code]));
    if (answered.length === 0 || !phase) return;
    const id = crypto.randomUUID();
    await enqueue(
      {
        id,
        kind: "checklist",
        url: "/api/v1/checklists",
        tps: tpsCode,
        account: officer.account,
        label: `${t(`phase.${phase.phase}`)} ${answered.filter((i) => answers[i.code].ok !== false).length}/${items.length}`,
        body: {
          id,
          tpsCode,
          phase: phase.phase,
          capturedAt: new Date().toISOString(),
          answers: answered.map((i) => {
            const a = answers[i.code];
            const value =
              i.kind === "yesno"
                ? { ok: a.ok! }
                : i.kind === "number"
                  ? { number: Number(a.value.trim()) }
                  : { text: a.value.trim() };
            return { item: i.code, ...value, note: i.kind === "yesno" ? a.note.trim() || null : null };
          }),
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
        <h1>{phase ? t("checklists.title", { phase: t(`phase.${phase.phase}`) }) : t("checklist.title")}</h1>
        {phase ? <p className="muted">{t("checklists.due", { time: formatClock(phase.due, lang) })}</p> : null}
        <nav aria-label={t("checklists.phases")} className="phase-tabs">
          {phases.map((p) => (
            <a
              key={p.phase}
              href={`/officer/checklist?fase=${p.phase}`}
              aria-current={p.phase === phase?.phase ? "page" : undefined}
              className={p.phase === phase?.phase ? "chosen" : ""}
            >
              {t(`phase.${p.phase}`)} {sent.has(p.phase) ? "✓" : ""}
            </a>
          ))}
        </nav>
        <ol className="checklist">
          {items.map((item) => {
            const a = answers[item.code];
            const label = item.label[lang];
            if (item.kind !== "yesno") {
              return (
                <li key={item.code} className="card" data-testid={`check-${item.code}`}>
                  <label className="field">
                    <span>{label}</span>
                    {item.kind === "number" ? (
                      <input
                        inputMode="numeric"
                        pattern="[0-9]*"
                        maxLength={6}
                        value={a.value}
                        onChange={(e) => set(item.code, { value: e.target.value.replace(/\D/g, "") })}
                      />
                    ) : (
                      <input
                        maxLength={200}
                        value={a.value}
                        onChange={(e) => set(item.code, { value: e.target.value })}
                      />
                    )}
                  </label>
                </li>
              );
            }
            return (
              <li key={item.code} className="card" data-testid={`check-${item.code}`}>
                <p>{label}</p>
                <div className="yes-no" role="radiogroup" aria-label={label}>
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
        {sent.has(phase?.phase ?? "") && !queued ? <p className="muted small">{t("checklists.answered")} ✓</p> : null}
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
