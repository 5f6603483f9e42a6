// The numbers of a quick count in one line (votes per ballot number, then invalid), as the officer typed
// them or as the server stored them: what they check against their C.Hasil.
import { officerHomeMessages } from "~/lib/messages/officer-home";
import { formatNumber } from "~/lib/format";
import { useLang, useT } from "~/lib/use-t";

export function QuickCountNumbers({
  votes,
  invalid,
  testId,
}: {
  votes: Record<string, number | string | null | undefined>;
  invalid: number | string | null | undefined;
  testId?: string;
}) {
  const t = useT(officerHomeMessages);
  const lang = useLang();
  const shown = (v: number | string | null | undefined) =>
    v === null || v === undefined || v === "" ? "—" : formatNumber(Number(v), lang);
  const choices = Object.keys(votes).sort((a, b) => Number(a) - Number(b));
  return (
    <span className="numbers" data-testid={testId}>
      {choices.map((n) => (
        <span key={n}>
          {t("home.choice", { n })}: <strong>{shown(votes[n])}</strong>
        </span>
      ))}
      <span>
        {t("home.invalid")}: <strong>{shown(invalid)}</strong>
      </span>
    </span>
  );
}
