// /posko/siaran: messages from the posko to officers (all in the sender's view, an area inside it, or the
// silent ones) and how far each got: delivered to the app, read, sent by SMS, updating live.
import { randomUUID } from "node:crypto";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect, useState } from "react";
import { PoskoNav } from "~/components/posko-nav";
import { Time } from "~/components/time";
import { useLive } from "~/components/use-live";
import { broadcastMessages } from "~/lib/messages/broadcast";
import { commandPostMessages } from "~/lib/messages/command-post";
import { commonMessages } from "~/lib/messages/common";
import { regionLabel } from "~/lib/regions";
import { BROADCAST_MAX, BroadcastBody, type BroadcastTarget } from "~/lib/schemas/broadcast";
import { useT } from "~/lib/use-t";
import { areaChoices, listBroadcasts, sendBroadcast, type BroadcastRow } from "~/models/broadcasts.server";
import { headSeq } from "~/models/events.server";
import { TopBar } from "~/root";
import { requestLang } from "~/utils/lang.server";
import { pageAction } from "~/utils/page-action.server";
import { parseBody } from "~/utils/parse-body.server";
import { requirePageUser } from "~/utils/permissions.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePageUser(request, context.sql, "broadcast:send");
  const seq = await headSeq(context.sql);
  const [broadcasts, areas] = await Promise.all([
    listBroadcasts(context.sql, { user }),
    areaChoices(context.sql, { user }),
  ]);
  return {
    role: user.role,
    seq,
    broadcasts,
    areas,
    newId: randomUUID(),
    smsAfterMinutes: Math.round(context.env.BROADCAST_SMS_AFTER_SECONDS / 60),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePageUser(request, context.sql, "broadcast:send");
  const lang = requestLang(request);
  const form = await request.formData();
  const field = (name: string) => {
    const v = form.get(name);
    return typeof v === "string" ? v : undefined;
  };
  return pageAction(lang, async () => {
    const body = parseBody(BroadcastBody, {
      id: field("id"),
      target: field("target"),
      area: field("area"),
      silentMinutes: field("silentMinutes"),
      body: field("body"),
    });
    return (await context.writer.write((ctx) => sendBroadcast(ctx, { user, body }))).body;
  });
}

export default function Broadcasts() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const t = useT(broadcastMessages, commandPostMessages, commonMessages);
  const [rows, setRows] = useState<BroadcastRow[]>(data.broadcasts);
  useEffect(() => setRows(data.broadcasts), [data.broadcasts]);
  const [target, setTarget] = useState<BroadcastTarget>("all");
  const live = useLive({
    seq: data.seq,
    onEvents: (events) =>
      setRows((list) => {
        let next = list;
        for (const e of events) {
          if (e.type === "broadcast:sent" && !next.some((r) => r.id === e.data.id)) {
            const area = data.areas.find((a) => a.code === e.data.area);
            next = [
              {
                id: e.data.id,
                body: e.data.body,
                target: e.data.target,
                area: e.data.area,
                areaName: area?.name ?? null,
                author: e.data.author,
                createdAt: e.data.createdAt,
                recipients: e.data.tpsCodes.length,
                delivered: 0,
                read: 0,
                sms: 0,
              },
              ...next,
            ];
          } else if (e.type === "broadcast:counted") {
            const { id, ...counts } = e.data;
            next = next.map((r) => (r.id === id ? { ...r, ...counts } : r));
          }
        }
        return next;
      }),
  });
  const areaName = (code: string | null, name: string | null) => {
    if (code === null) return t("broadcast.whole");
    const a = data.areas.find((x) => x.code === code);
    return a ? regionLabel(a.kind ?? a.level, a.name) : (name ?? code);
  };
  const bodyError = result && !result.ok ? result.errors.find((e) => e.field === "body") : undefined;
  return (
    <>
      <TopBar title={t("posko.title")} />
      <PoskoNav role={data.role} />
      <main className="page wide broadcasts-page">
        <h1>{t("broadcast.title")}</h1>
        <div className="broadcast-columns">
          <section className="card" aria-labelledby="new-broadcast">
            <h2 id="new-broadcast">{t("broadcast.new")}</h2>
            <Form method="post" className="stack" key={data.newId}>
              <input type="hidden" name="id" value={data.newId} />
              <fieldset>
                <legend>{t("broadcast.target")}</legend>
                {(["all", "area", "silent"] as const).map((k) => (
                  <label key={k} className="choice">
                    <input type="radio" name="target" value={k} checked={target === k} onChange={() => setTarget(k)} />{" "}
                    {t(`broadcast.target.${k}`)}
                  </label>
                ))}
              </fieldset>
              {target !== "all" ? (
                <div className="field">
                  <label htmlFor="broadcast-area">{t("broadcast.area")}</label>
                  <select id="broadcast-area" name="area" required={target === "area"} defaultValue="">
                    <option value="">{target === "area" ? "—" : t("broadcast.areaAny")}</option>
                    {data.areas.map((a) => (
                      <option key={a.code} value={a.code}>
                        {a.level === "kelurahan" ? "\u00a0\u00a0" : ""}
                        {regionLabel(a.kind ?? a.level, a.name)}
                      </option>
                    ))}
                  </select>
                </div>
              ) : null}
              {target === "silent" ? (
                <label>
                  {t("broadcast.silentMinutes")}
                  <input type="number" name="silentMinutes" min={1} max={1440} defaultValue={60} inputMode="numeric" />
                </label>
              ) : null}
              <label>
                {t("broadcast.body")}
                <textarea name="body" rows={3} maxLength={BROADCAST_MAX} required aria-invalid={!!bodyError} />
              </label>
              <p className="muted small">{t("broadcast.bodyHint")}</p>
              {result && !result.ok ? (
                <p className="notice bad" role="alert">
                  {bodyError?.message ?? result.message}
                </p>
              ) : null}
              {result?.ok ? (
                <p className="notice good" role="status">
                  {t("broadcast.sent", { count: result.value.recipients })}
                </p>
              ) : null}
              <button type="submit" className="button primary" disabled={busy}>
                {t("broadcast.send")}
              </button>
              <p className="muted small">{t("broadcast.explain", { minutes: data.smsAfterMinutes })}</p>
            </Form>
          </section>
          <section className="card" aria-labelledby="broadcast-list" data-live={live}>
            <h2 id="broadcast-list">{t("broadcast.listTitle")}</h2>
            {rows.length === 0 ? <p className="muted">{t("broadcast.none")}</p> : null}
            <ul className="broadcast-sent-list">
              {rows.map((r) => (
                <li key={r.id} data-testid="broadcast-row">
                  <p className="broadcast-text">{r.body}</p>
                  <p className="muted small">
                    <Time iso={r.createdAt} time seconds={false} /> · {t(`broadcast.target.${r.target}`)} ·{" "}
                    {areaName(r.area, r.areaName)} · {r.author}
                  </p>
                  <p className="broadcast-counts" data-testid="broadcast-counts">
                    <span>
                      {r.recipients} {t("broadcast.recipients")}
                    </span>
                    <span>{t("broadcast.delivered", { count: r.delivered })}</span>
                    <strong>{t("broadcast.read", { count: r.read })}</strong>
                    <span>{t("broadcast.sms", { count: r.sms })}</span>
                  </p>
                </li>
              ))}
            </ul>
          </section>
        </div>
      </main>
    </>
  );
}
