// The command post's SMS log: every message the gateway delivered, with the reply it got;
// malformed and refused ones first in mind, so an operator can call the officer back; and every SMS Pantau
// sent (replies, broadcasts) with its status in the outbound queue.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData, useSearchParams } from "@remix-run/react";
import { commonMessages } from "~/lib/messages/common";
import { smsMessages } from "~/lib/messages/sms";
import { useLang, useT } from "~/lib/use-t";
import { formatTime } from "~/lib/format";
import { listSms } from "~/models/sms.server";
import { listOutbound } from "~/models/sms-outbound.server";
import { TopBar } from "~/root";
import { requirePageUser } from "~/utils/permissions.server";

const STATUSES = ["malformed", "rejected", "accepted", "duplicate"] as const;

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requirePageUser(request, context.sql, "posko:operate");
  const status = new URL(request.url).searchParams.get("status");
  const [messages, outbound] = await Promise.all([
    listSms(context.sql, { status: STATUSES.find((s) => s === status) }),
    listOutbound(context.sql, { limit: 100 }),
  ]);
  return { messages, outbound };
}

export default function SmsLog() {
  const { messages, outbound } = useLoaderData<typeof loader>();
  const t = useT(smsMessages, commonMessages);
  const lang = useLang();
  const [params] = useSearchParams();
  const current = params.get("status");
  return (
    <>
      <TopBar title={t("smslog.title")} />
      <main className="page">
        <h1>{t("smslog.title")}</h1>
        <p className="filters">
          <a href="/posko/sms" className={!current ? "chosen" : ""}>
            {t("smslog.all")}
          </a>
          {STATUSES.map((s) => (
            <a key={s} href={`/posko/sms?status=${s}`} className={current === s ? "chosen" : ""}>
              {t(`smslog.${s}`)}
            </a>
          ))}
        </p>
        {messages.length === 0 ? (
          <p className="muted">{t("smslog.none")}</p>
        ) : (
          <table className="sms-table" data-testid="sms-log">
            <thead>
              <tr>
                <th>{t("smslog.time")}</th>
                <th>{t("smslog.sender")}</th>
                <th>{t("smslog.text")}</th>
                <th>{t("smslog.status")}</th>
                <th>{t("smslog.reply")}</th>
              </tr>
            </thead>
            <tbody>
              {messages.map((m) => (
                <tr key={m.id} className={`sms-${m.status}`}>
                  <td>{formatTime(m.receivedAt, lang, { seconds: true })}</td>
                  <td>{m.sender}</td>
                  <td>
                    <code>{m.body}</code>
                  </td>
                  <td>
                    {t(`smslog.${m.status as (typeof STATUSES)[number]}`)}
                    {m.receipt ? ` · ${m.receipt}` : ""}
                  </td>
                  <td>{m.reply}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <h2>{t("smslog.outTitle")}</h2>
        {outbound.length === 0 ? (
          <p className="muted">{t("smslog.outNone")}</p>
        ) : (
          <table className="sms-table" data-testid="sms-outbound">
            <thead>
              <tr>
                <th>{t("smslog.time")}</th>
                <th>{t("smslog.to")}</th>
                <th>{t("smslog.text")}</th>
                <th>{t("smslog.status")}</th>
              </tr>
            </thead>
            <tbody>
              {outbound.map((m) => (
                <tr key={m.id} className={`sms-out-${m.status}`}>
                  <td>{formatTime(m.createdAt, lang, { seconds: true })}</td>
                  <td>{m.toNumber}</td>
                  <td>
                    <span className="muted small">
                      {t(`smslog.purpose.${m.purpose === "broadcast" ? "broadcast" : "reply"}`)}
                    </span>{" "}
                    {m.body}
                  </td>
                  <td>
                    {t(`smslog.out.${m.status}`)}
                    {m.attempts > 1 ? ` · ${t("smslog.attempts", { count: m.attempts })}` : ""}
                    {m.lastError && m.status !== "delivered" ? <div className="muted small">{m.lastError}</div> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </main>
    </>
  );
}
