import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  NavLink,
  Form,
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLocation,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import { can } from "~/lib/access";
import { useNonce } from "~/lib/nonce";
import { useEffect } from "react";
import { LogoutForm } from "~/components/logout-form";
import { UpdatePrompt } from "~/components/update-prompt";
import { DEFAULT_LANG, otherLang, type Lang } from "~/lib/i18n";
import { startOutbox } from "~/lib/outbox-client";
import { OUTBOX_CHANNEL } from "~/lib/outbox-idb";
import { watchVoterList } from "~/lib/voter-wipe";
import { commonMessages } from "~/lib/messages/common";
import { dataCentreNavMessages } from "~/lib/messages/data-centre-nav";
import { useT } from "~/lib/use-t";
import { getRequestUser } from "~/utils/auth.server";
import { requestLang } from "~/utils/lang.server";
import { setElectionZone } from "~/lib/format";
import { electionZoneOf } from "~/models/election.server";
import styles from "./styles.css?url";

export const meta: MetaFunction = () => [{ title: "Pantau" }];

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
  { rel: "manifest", href: "/manifest.webmanifest" },
  { rel: "apple-touch-icon", href: "/icons/apple-touch-icon.png" },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  // The public pages are the same for everyone (docs/decisions/034-public-reads-cached.md): they do not read
  // the session, so a cache may keep them and a logged-in visitor does not cost a session lookup.
  const publicPage = /^\/publik(\/|$)/.test(new URL(request.url).pathname);
  const [user, zone] = await Promise.all([
    publicPage ? null : getRequestUser(request, context.sql),
    electionZoneOf(context.sql),
  ]);
  setElectionZone(zone);
  return {
    lang: requestLang(request),
    /** Every time on every page is written in the election's zone, the same on the server and in the browser. */
    zone,
    user: user ? { id: user.id, name: user.name, role: user.role, login: user.login, tpsCode: user.tpsCode } : null,
  };
}

export function Layout({ children }: { children: React.ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  const lang: Lang = data?.lang ?? "id";
  if (data?.zone) setElectionZone(data.zone);
  const nonce = useNonce();
  return (
    <html lang={lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover" />
        <meta name="theme-color" content="#0b5394" />
        <Meta />
        <Links />
      </head>
      <body>
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

/**
 * Top bar: app name, page title, language switch, who is logged in, logout. For people without the
 * command post's links (officers, responders: phones) it is one line: the title is cut short, the language
 * is its two-letter code and the name is left out on a narrow screen rather than wrapping to a second and
 * third line above the page's first action.
 */
export function TopBar({ title }: { title?: string }) {
  const data = useRouteLoaderData<typeof loader>("root");
  const t = useT(commonMessages, dataCentreNavMessages);
  const location = useLocation();
  const publicPage = location.pathname === "/publik" || location.pathname.startsWith("/publik/");
  const user = data?.user ?? null;
  const other = otherLang(data?.lang ?? DEFAULT_LANG);
  const oneLine = !can(user, "admin:manage") && !can(user, "posko:operate") && !can(user, "posko:view");
  return (
    <header className={oneLine ? "topbar one-line" : "topbar"}>
      <strong className="brand">{t("app.name")}</strong>
      {title ? (
        <span className="topbar-title" title={title}>
          {title}
        </span>
      ) : null}
      <span className="spacer" />
      {publicPage ? (
        // The public pages' own places: the results drill-down and the data centre.
        <nav className="topbar-public" aria-label={t("dc.nav")}>
          <NavLink to="/publik" end className="link-button">
            {t("dc.navResults")}
          </NavLink>
          <NavLink to="/publik/data" className="link-button" data-testid="nav-data-centre">
            {t("dc.nav")}
          </NavLink>
        </nav>
      ) : null}
      <Form method="post" action="/language" className="inline">
        <input type="hidden" name="lang" value={other} />
        <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
        <button type="submit" className="link-button" data-testid="lang-switch" aria-label={t("lang.switch")}>
          <span className="lang-long">{t("lang.switch")}</span>
          <span className="lang-short" lang={other}>
            {other.toUpperCase()}
          </span>
        </button>
      </Form>
      {can(data?.user ?? null, "admin:manage") ? (
        <a href="/admin" className="link-button">
          {t("admin.title")}
        </a>
      ) : null}
      {can(data?.user ?? null, "posko:operate") ? (
        <a href="/posko/sms" className="link-button">
          {t("smslog.title")}
        </a>
      ) : null}
      {can(data?.user ?? null, "posko:view") ? (
        <a href="/paper" className="link-button">
          {t("nav.paper")}
        </a>
      ) : null}
      {data?.user ? (
        <LogoutForm
          name={data.user.name}
          officer={data.user.role === "officer" ? { account: data.user.id, tps: data.user.tpsCode } : null}
        />
      ) : null}
    </header>
  );
}

export default function App() {
  const data = useRouteLoaderData<typeof loader>("root");
  const officer = data?.user?.role === "officer";
  const account = officer ? (data?.user?.id ?? null) : null;
  const tps = officer ? (data?.user?.tpsCode ?? null) : null;
  // Officers' outbox: whatever waits from an earlier visit of this officer is sent as soon as the app starts
  // or they log in; nothing is sent while nobody (or someone else) is logged in.
  useEffect(() => {
    startOutbox(account === null ? null : { account, tps });
  }, [account, tps]);
  // A voter list on this phone goes when its officer is gone or the TPS has reported (decision 047).
  useEffect(() => watchVoterList(account === null ? null : { account }, OUTBOX_CHANNEL), [account]);
  return (
    <>
      <Outlet />
      <UpdatePrompt />
    </>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const t = useT(commonMessages);
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const message = status === 404 ? t("error.notFound") : status === 403 ? t("error.forbidden") : t("error.title");
  if (!isRouteErrorResponse(error)) console.error(error);
  return (
    <main className="page narrow">
      <h1>{t("error.title")}</h1>
      <p role="alert">{message}</p>
      <a href="/">{t("error.back")}</a>
    </main>
  );
}
