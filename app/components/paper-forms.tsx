// A4 paper forms per TPS (the paper channel, docs/overview.md): the quick-count form (C1 numbers per contest) and
// the incident form, each with the TPS code as text and as a QR code, for keying in at the command post.
import type { Contest } from "~/models/election.server";
import type { PaperTps } from "~/models/paper.server";
import { SEVERITIES } from "~/lib/incidents";
import { commonMessages } from "~/lib/messages/common";
import { incidentMessages } from "~/lib/messages/incidents";
import { paperMessages } from "~/lib/messages/paper";
import { quickCountMessages } from "~/lib/messages/quick-count";
import { useLang, useT } from "~/lib/use-t";

function SheetHead({ tps, title }: { tps: PaperTps; title: string }) {
  const t = useT(quickCountMessages, incidentMessages, paperMessages, commonMessages);
  return (
    <header className="sheet-head">
      <div>
        <p className="sheet-kind">
          {t("app.name")} — {title}
        </p>
        <p className="sheet-tps" data-testid="paper-tps-code">
          TPS {tps.code}
        </p>
        <p>
          {tps.address} · Kel. {tps.kelurahanName} · Kec. {tps.kecamatanName}
        </p>
        <p>
          {t("officer.voters")}: {tps.dpt} · DPTb: {tps.dptb} · DPK: {tps.dpk}
        </p>
      </div>
      {/* SVG made on the server by the qrcode package from the validated TPS code */}
      <div
        className="sheet-qr"
        data-testid="paper-qr"
        role="img"
        aria-label={`QR ${tps.code}`}
        dangerouslySetInnerHTML={{ __html: tps.qrSvg }}
      />
    </header>
  );
}

const Boxes = ({ n = 4 }: { n?: number }) => (
  <span className="boxes">
    {Array.from({ length: n }, (_, i) => (
      <i key={i} />
    ))}
  </span>
);

function Signatures() {
  const t = useT(quickCountMessages, incidentMessages, paperMessages, commonMessages);
  return (
    <footer className="sheet-sign">
      <div>
        <span>{t("paper.officer")}</span>
        <i />
      </div>
      <div>
        <span>{t("paper.time")}</span>
        <i />
      </div>
      <div>
        <span>{t("paper.enteredBy")}</span>
        <i />
      </div>
    </footer>
  );
}

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
          <section className="sheet" data-testid="paper-sheet-qc">
            <SheetHead tps={one} title={t("paper.qcTitle")} />
            <p className="sheet-help">{t("paper.qcHelp")}</p>
            {contests.map((c) => (
              <table key={c.code} className="sheet-table">
                <caption>{c.name}</caption>
                <tbody>
                  {c.candidates.map((k) => (
                    <tr key={k.number}>
                      <th>
                        {t("qc.candidate", { number: k.number })} — {k.name}
                      </th>
                      <td>
                        <Boxes />
                      </td>
                    </tr>
                  ))}
                  <tr>
                    <th>{t("qc.valid")}</th>
                    <td>
                      <Boxes />
                    </td>
                  </tr>
                  <tr>
                    <th>{t("qc.invalid")}</th>
                    <td>
                      <Boxes />
                    </td>
                  </tr>
                  <tr>
                    <th>{t("qc.ballotsUsed")}</th>
                    <td>
                      <Boxes />
                    </td>
                  </tr>
                </tbody>
              </table>
            ))}
            <Signatures />
          </section>
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
