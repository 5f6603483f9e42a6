// The pocket guide (app/lib/guide.ts): procedures for the day, offline once opened (the service worker caches
// the page, loader data included). Its SMS section comes from the election: the gateway's number, examples
// for this TPS's ballots and the words the SMS parser accepts.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { BackHome } from "~/components/officer-nav";
import { GUIDE } from "~/lib/guide";
import { translate } from "~/lib/i18n";
import { EXAMPLE_PIN } from "~/lib/sms";
import { officerMessages } from "~/lib/messages/officer";
import { officerExtrasMessages } from "~/lib/messages/officer-extras";
import { useLang, useT } from "~/lib/use-t";
import { getSmsGuide, type SmsGuide } from "~/models/sms-guide.server";
import { TopBar } from "~/root";
import { requestLang } from "~/utils/lang.server";
import { requirePageUser } from "~/utils/permissions.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePageUser(request, context.sql, "guide:read");
  const incidentText = translate(requestLang(request), officerExtrasMessages, "guide.sms.exampleIncident");
  return { sms: await getSmsGuide(context.sql, { tpsCode: user.tpsCode ?? null, incidentText }) };
}

export default function Guide() {
  const { sms } = useLoaderData<typeof loader>();
  const t = useT(officerMessages);
  const lang = useLang();
  return (
    <>
      <TopBar title={t("nav.guide")} />
      <main className="page phone guide">
        <BackHome />
        <h1>{t("guide.title")}</h1>
        {GUIDE.map((section) => (
          <section key={section.id} className="card" id={section.id}>
            <h2>{section.title[lang]}</h2>
            {section.steps ? (
              <ol>
                {section.steps[lang].map((step, i) => (
                  <li key={i}>{step}</li>
                ))}
              </ol>
            ) : (
              <SmsSection sms={sms} />
            )}
          </section>
        ))}
      </main>
    </>
  );
}

function SmsSection({ sms }: { sms: SmsGuide }) {
  const t = useT(officerExtrasMessages);
  const lang = useLang();
  const example = (text: string) => (
    <code className="sms-example" data-testid="sms-example">
      {text}
    </code>
  );
  return (
    <div className="stack sms-guide">
      {sms.number ? (
        <p className="sms-number">
          {t("guide.sms.sendTo")}{" "}
          <a href={`sms:${sms.number.replace(/[^+0-9]/g, "")}`} className="button" data-testid="sms-number">
            {sms.number}
          </a>
        </p>
      ) : (
        <p className="warning" data-testid="sms-number-missing">
          {t("guide.sms.noNumber")}
        </p>
      )}
      <div>
        <h3>{t("guide.sms.qc")}</h3>
        <p>
          <code>{t("guide.sms.qcFormat")}</code>
        </p>
        <p className="small">{t("guide.sms.qcOrder")}</p>
        {sms.quickCounts.map((qc) => (
          <p key={qc.text}>
            {t("guide.sms.example")} ({qc.contest}): {example(qc.text)}
          </p>
        ))}
        {sms.withReason ? (
          <p>
            {t("guide.sms.reason")} {example(sms.withReason)}
          </p>
        ) : null}
      </div>
      <div>
        <h3>{t("guide.sms.inc")}</h3>
        <p>
          <code>{t("guide.sms.incFormat")}</code>
        </p>
        {sms.incident ? (
          <p>
            {t("guide.sms.example")}: {example(sms.incident)}
          </p>
        ) : null}
        <h4>{t("guide.sms.categories")}</h4>
        <ul className="sms-words" data-testid="sms-categories">
          {sms.categories.map((c) => (
            <li key={c.code}>
              <Words words={c.words} />
              <span className="small"> — {c[lang]}</span>
            </li>
          ))}
        </ul>
        <h4>{t("guide.sms.severities")}</h4>
        <ul className="sms-words" data-testid="sms-severities">
          {sms.severities.map((s) => (
            <li key={s.code}>
              <Words words={[s.word, s.code]} />
            </li>
          ))}
        </ul>
      </div>
      <p className="small">{t("guide.sms.pin", { pin: EXAMPLE_PIN })}</p>
      <p className="small">{t("guide.sms.reply")}</p>
    </div>
  );
}

/** Words the SMS parser accepts for one thing: the one to use first, then the others it takes too. */
function Words({ words }: { words: string[] }) {
  return words.map((word, i) => (
    <span key={word}>
      {i > 0 ? " / " : null}
      <kbd className={i === 0 ? "sms-word first" : "sms-word"}>{word}</kbd>
    </span>
  ));
}
