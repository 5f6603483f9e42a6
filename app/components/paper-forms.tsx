// A4 paper forms per TPS (the paper channel, docs/overview.md): a copy of the C.Hasil for every contest the TPS
// votes in (app/components/c1-form/paper-sheet.tsx) and the incident form, each with the TPS code as text and
// as a QR code, for keying in at the command post.
import type { Contest } from "~/models/election.server";
import type { PaperTps } from "~/models/paper.server";
import { contestsAt } from "~/lib/contests";
import { SEVERITIES } from "~/lib/incidents";
import { commonMessages } from "~/lib/messages/common";
import { incidentMessages } from "~/lib/messages/incidents";
import { paperMessages } from "~/lib/messages/paper";
import { quickCountMessages } from "~/lib/messages/quick-count";
import { useLang, useT } from "~/lib/use-t";
import { C1PaperSheet, SheetHead, Signatures } from "./c1-form/paper-sheet";

export function PaperSheets({
  tps,
  contests,
  categories,
}: {
  tps: PaperTps[];
  contests: Contest[];
  categories: { code: string; id: string; en: string }[];
}) {
  const t = useT(quickCountMessages, incidentMessages, paperMessages, commonMessages);
  const lang = useLang();
  return (
    <>
      {tps.map((one) => (
        <div key={one.code}>
          {contestsAt(one.kelurahanCode, contests).map((c) => (
            <C1PaperSheet key={c.code} tps={one} contest={c} />
          ))}
          <section className="sheet" data-testid="paper-sheet-incident">
            <SheetHead tps={one} title={t("paper.incidentTitle")} />
            <p className="sheet-help">{t("paper.incidentHelp")}</p>
            <h3>{t("officerReport.category")}</h3>
            <ul className="sheet-choices">
              {categories.map((c) => (
                <li key={c.code}>
                  <i /> {c[lang]}
                </li>
              ))}
            </ul>
            <h3>{t("officerReport.severity")}</h3>
            <ul className="sheet-choices">
              {SEVERITIES.map((s) => (
                <li key={s}>
                  <i /> {t(`incident.severity.${s}`)}
                </li>
              ))}
            </ul>
            <h3>{t("paper.when")}</h3>
            <div className="sheet-line" />
            <h3>{t("officerReport.description")}</h3>
            {Array.from({ length: 8 }, (_, i) => (
              <div key={i} className="sheet-line" />
            ))}
            <Signatures />
          </section>
        </div>
      ))}
    </>
  );
}

export function PrintButton() {
  const t = useT(quickCountMessages, incidentMessages, paperMessages, commonMessages);
  return (
    <button type="button" className="primary big no-print" onClick={() => window.print()}>
      {t("paper.print")}
    </button>
  );
}
