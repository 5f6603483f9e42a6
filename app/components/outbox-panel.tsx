// What the officer's phone still has to send, with each item's age and state; what the server refused,
// with its message per field and a way to fix or discard it; and what went out recently.
import { useEffect, useState } from "react";
import type { OutboxItem } from "~/lib/outbox";
import { discard, flushNow, useOutbox } from "~/lib/outbox-client";
import { officerMessages } from "~/lib/messages/officer";
import { useT } from "~/lib/use-t";
import { NetworkLine } from "./network-line";
import { useOfficer } from "./officer-nav";

export function useNow(everyMs = 15_000) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

export function useAgo() {
  const t = useT(officerMessages);
  return (then: number, now: number) => {
    const minutes = Math.floor((now - then) / 60_000);
    if (minutes < 1) return t("outbox.justNow");
    if (minutes < 60) return t("outbox.minutesAgo", { n: minutes });
    return t("outbox.hoursAgo", { n: Math.floor(minutes / 60), m: minutes % 60 });
  };
}

export function OutboxPanel({ showSent = true }: { showSent?: boolean }) {
  const t = useT(officerMessages);
  const ago = useAgo();
  const now = useNow();
  const { items, loaded } = useOutbox(useOfficer());
  const waiting = items.filter((i) => i.state !== "sent");
  const sent = items.filter((i) => i.state === "sent").slice(0, 10);
  return (
    <section className="card outbox" data-testid="outbox" aria-labelledby="outbox-heading">
      <h2 id="outbox-heading">{t("outbox.title")}</h2>
      <NetworkLine waiting={loaded ? waiting.filter((i) => i.state === "pending").length : null} />
      {!loaded ? null : waiting.length === 0 ? (
        <p className="muted" data-testid="outbox-empty">
          {t("outbox.empty")}
        </p>
      ) : (
        <>
          <ul className="outbox-list">
            {waiting.map((item) => (
              <OutboxRow key={item.id} item={item} age={ago(item.createdAt, now)} />
            ))}
          </ul>
          <button type="button" className="big" onClick={() => void flushNow(true)}>
            {t("outbox.sendNow")}
          </button>
        </>
      )}
      {showSent && sent.length ? (
        <details className="outbox-sent">
          <summary>{t("outbox.recentlySent", { n: sent.length })}</summary>
          <ul className="outbox-list">
            {sent.map((item) => (
              <OutboxRow key={item.id} item={item} age={ago(item.sentAt ?? item.createdAt, now)} />
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}

function OutboxRow({ item, age }: { item: OutboxItem; age: string }) {
  const t = useT(officerMessages);
  const stateText =
    item.state === "sent" ? t("outbox.sent") : item.state === "rejected" ? t("outbox.rejected") : t("outbox.pending");
  return (
    <li
      className={`outbox-item state-${item.state}`}
      data-testid={`outbox-item-${item.kind}`}
      data-state={item.state}
      data-id={item.id}
    >
      <div className="row">
        <strong>
          {t(`outbox.kind.${item.kind}`)}
          {item.label ? ` · ${item.label}` : ""}
        </strong>
        <span className={`badge outbox-${item.state}`}>{stateText}</span>
      </div>
      <span className="muted small">
        {age}
        {item.state === "pending" && item.attempts > 0 ? ` · ${t("outbox.tries", { n: item.attempts })}` : ""}
      </span>
      {item.state === "pending" && item.error?.status === 401 ? (
        <p className="error small">{t("outbox.loginAgain")}</p>
      ) : null}
      {item.state === "rejected" && item.error ? (
        <div className="error small" role="alert">
          <p>{item.error.message}</p>
          {item.error.errors?.length ? (
            <ul>
              {item.error.errors.map((e, i) => (
                <li key={i}>
                  {e.field}: {e.message}
                </li>
              ))}
            </ul>
          ) : null}
          <p className="actions">
            {item.fixUrl ? (
              <a className="button" href={item.fixUrl}>
                {t("outbox.fix")}
              </a>
            ) : null}
            <button
              type="button"
              onClick={() => {
                if (window.confirm(t("outbox.discardConfirm"))) void discard(item.id);
              }}
            >
              {t("outbox.discard")}
            </button>
          </p>
        </div>
      ) : null}
    </li>
  );
}
