import { useContext, useState } from "react";
import { SEVERITIES } from "~/lib/incidents";
import { newId } from "~/lib/uuid";
import { commandPostMessages } from "~/lib/messages/command-post";
import { commonMessages } from "~/lib/messages/common";
import { incidentMessages } from "~/lib/messages/incidents";
import { useLang, useT } from "~/lib/use-t";
import { CategoriesContext } from "./categories";

/** Command post: key an incident reported by phone, on paper or by SMS (it joins the feed like any other). */
export function IncidentEntry() {
  const t = useT(incidentMessages, commandPostMessages, commonMessages);
  const lang = useLang();
  const categories = useContext(CategoriesContext).filter((c) => c.active !== false);
  const [id, setId] = useState(() => newId());
  const [errors, setErrors] = useState<{ field: string; message: string }[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const errorFor = (field: string) => errors.find((e) => e.field === field)?.message;

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "").trim();
    setBusy(true);
    setErrors([]);
    setMessage(null);
    try {
      const res = await fetch("/api/v1/incidents", {
        method: "POST",
        credentials: "same-origin",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({
          id,
          tpsCode: text("tpsCode") || null,
          category: text("category"),
          severity: text("severity"),
          description: text("description"),
          source: text("source"),
          occurredAt: new Date().toISOString(),
        }),
      });
      const answer = await res.json().catch(() => null);
      if (res.ok) {
        (event.target as HTMLFormElement).reset();
        setId(newId());
        setMessage(t("entry.saved"));
      } else {
        setErrors(answer?.errors ?? []);
        setMessage(answer?.message ?? `HTTP ${res.status}`);
      }
    } catch {
      setMessage(t("api.unavailable"));
    } finally {
      setBusy(false);
    }
  }

  return (
    <details className="incident-entry" data-testid="incident-entry">
      <summary>{t("entry.title")}</summary>
      <form onSubmit={submit} className="stack" noValidate>
        <label className="field">
          <span>TPS ({t("qc.optional")})</span>
          <input name="tpsCode" placeholder="1673031001-001" maxLength={14} aria-invalid={!!errorFor("tpsCode")} />
          {errorFor("tpsCode") ? <span className="error">{errorFor("tpsCode")}</span> : null}
        </label>
        <label className="field">
          <span>{t("entry.category")}</span>
          <select name="category" defaultValue={categories[categories.length - 1]?.code}>
            {categories.map((c) => (
              <option key={c.code} value={c.code}>
                {c[lang]}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t("entry.severity")}</span>
          <select name="severity" defaultValue="medium">
            {SEVERITIES.map((s) => (
              <option key={s} value={s}>
                {t(`incident.severity.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t("paper.source")}</span>
          <select name="source" defaultValue="phone">
            {(["phone", "paper", "sms"] as const).map((s) => (
              <option key={s} value={s}>
                {t(`incident.source.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t("entry.description")}</span>
          <textarea name="description" rows={3} maxLength={2000} aria-invalid={!!errorFor("description")} />
          {errorFor("description") ? <span className="error">{errorFor("description")}</span> : null}
        </label>
        {message ? (
          <p className={errors.length ? "error" : "muted"} role="status">
            {message}
          </p>
        ) : null}
        <button type="submit" className="primary" disabled={busy}>
          {t("entry.submit")}
        </button>
      </form>
    </details>
  );
}
