// The public page's search box (a plain GET form: works without JavaScript) and what it found: TPS by code,
// regions by code or name, each a link to its page.
import { Form, Link } from "@remix-run/react";
import { publicMessages } from "~/lib/messages/public";
import { drillDownHref, tpsHref } from "~/lib/public-page";
import { useT } from "~/lib/use-t";

export interface SearchView {
  q: string;
  /** The message of a refused search text, worded by the server. */
  error: string | null;
  tps: { code: string; number: number; kelurahan: string; place: string }[];
  regions: { code: string; name: string; place: string }[];
  /** The region list was cut at this many. */
  limit: number;
}

export function SearchForm({ q, wilayah }: { q: string; wilayah: string | null }) {
  const t = useT(publicMessages);
  return (
    <Form method="get" action="/publik" className="public-search" role="search">
      <label htmlFor="public-search-q">{t("public.searchLabel")}</label>
      <div className="public-search-row">
        <input
          id="public-search-q"
          name="cari"
          type="search"
          defaultValue={q}
          placeholder={t("public.searchHint")}
          minLength={2}
          maxLength={64}
          required
          autoComplete="off"
          enterKeyHint="search"
        />
        {wilayah ? <input type="hidden" name="wilayah" value={wilayah} /> : null}
        <button type="submit" className="primary">
          {t("public.searchButton")}
        </button>
      </div>
    </Form>
  );
}

export function SearchResults({ search, closeHref }: { search: SearchView; closeHref: string }) {
  const t = useT(publicMessages);
  const none = !search.error && search.tps.length === 0 && search.regions.length === 0;
  return (
    <section className="card public-search-results" data-testid="public-search-results" aria-live="polite">
      <h2>{t("public.searchTitle", { q: search.q })}</h2>
      {search.error ? (
        <p className="error" role="alert">
          {search.error}
        </p>
      ) : null}
      {none ? <p>{t("public.searchNone")}</p> : null}
      <ul className="link-list">
        {search.tps.map((s) => (
          <li key={s.code}>
            <Link to={tpsHref(s.code)}>
              <strong>{t("public.tpsNumber", { number: s.number })}</strong> · {s.kelurahan}
            </Link>
            <span className="muted small"> {s.code} · {s.place}</span>
          </li>
        ))}
        {search.regions.map((r) => (
          <li key={r.code}>
            <Link to={drillDownHref(r.code)}>
              <strong>{r.name}</strong>
            </Link>
            <span className="muted small">
              {" "}
              {r.code}
              {r.place ? ` · ${r.place}` : ""}
            </span>
          </li>
        ))}
      </ul>
      {search.regions.length >= search.limit ? <p className="muted small">{t("public.searchMore", { n: search.limit })}</p> : null}
      <p>
        <Link to={closeHref}>{t("public.searchClose")}</Link>
      </p>
    </section>
  );
}
