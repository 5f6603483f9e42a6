// The card the officer's home screen leads with: one sentence for the time of day and the button for the
// next step (app/lib/officer-next-step.ts decides which), so it is in view without scrolling.
import { DayChangeButton } from "~/components/day-status";
import { commonMessages } from "~/lib/messages/common";
import { officerMessages } from "~/lib/messages/officer";
import { officerHomeMessages } from "~/lib/messages/officer-home";
import type { NextStep } from "~/lib/officer-next-step";
import { formatClock } from "~/lib/format";
import { useLang, useT } from "~/lib/use-t";

export function NextStepCard({
  step,
  tpsCode,
  times,
  contestName,
}: {
  step: NextStep;
  tpsCode: string;
  times: { opening: string; closing: string };
  contestName: (code: string) => string;
}) {
  const t = useT(officerHomeMessages, officerMessages, commonMessages);
  // "07.00 WIB", as the officer reads times everywhere else, not the setting's "07:00".
  const lang = useLang();
  const clock = { opening: formatClock(times.opening, lang), closing: formatClock(times.closing, lang) };
  const link = (href: string, text: string, primary = true) => (
    <a key={href} className={`button big${primary ? " primary" : ""}`} href={href}>
      {text}
    </a>
  );
  const perContest = (contests: string[], key: "home.enterContest" | "home.completeContest" | "home.photoContest") =>
    contests.map((c) =>
      link(
        key === "home.enterContest" ? `/officer/quick-count/${c}` : `/officer/c-hasil/${c}`,
        t(key, { contest: contestName(c) }),
      ),
    );
  const [text, actions] = ((): [string, React.ReactNode] => {
    switch (step.kind) {
      case "fix":
        return [t("home.step.fix"), link(step.fixUrl ?? "#outbox-heading", t("home.step.fixButton"))];
      case "checkin":
        return [
          t("home.step.checkin"),
          [link("/officer/checkin", t("nav.checkin")), link("/officer/checklist", t("nav.checklist"), false)],
        ];
      case "checklist":
        return [t("home.step.checklist", clock), link("/officer/checklist", t("nav.checklist"))];
      case "open":
        return [t("home.step.open", clock), <DayChangeButton key="open" tpsCode={tpsCode} status="open" primary />];
      case "incident":
        return [t("home.step.incident", clock), link("/officer/incident", t("nav.incident"))];
      case "count":
        return [
          t("home.step.count", clock),
          <DayChangeButton key="count" tpsCode={tpsCode} status="counting" primary />,
        ];
      case "enter":
        return [t("home.step.enter"), perContest(step.contests, "home.enterContest")];
      case "waiting":
        return [t("home.step.waiting"), null];
      case "complete":
        return [t("home.step.complete"), perContest(step.contests, "home.completeContest")];
      case "photos":
        return [t("home.step.photos"), perContest(step.contests, "home.photoContest")];
      case "done":
        return [t("home.step.done"), null];
    }
  })();
  return (
    <section className={`card next-step next-${step.kind}`} data-testid="next-step" aria-labelledby="next-heading">
      <h2 id="next-heading">{t("home.next")}</h2>
      <p>{text}</p>
      {actions ? <div className="button-column">{actions}</div> : null}
    </section>
  );
}
