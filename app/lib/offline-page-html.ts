// Pantau's own offline page (build/client/offline.html, written by scripts/build-sw.ts): self-contained,
// styles inline and one script (app/offline-page.ts), so it works as soon as the service worker installs,
// before any other file is cached. Its words come from the offline messages; the script fills in the rest
// (the quick-count form, or what a logout without signal means) in the officer's language.
import { translate, type MessageKey } from "./i18n";
import { offlineMessages } from "./messages/offline";

type Key = MessageKey<typeof offlineMessages>;

const escape = (text: string) =>
  text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);
const id = (key: Key) => escape(translate("id", offlineMessages, key));
const en = (key: Key) => escape(translate("en", offlineMessages, key));

const STYLE = `
:root { --blue: #0b5394; --ink: #1f2328; --muted: #5f6368; --line: #dadce0; --red: #c5221f; --green: #188038; }
* { box-sizing: border-box; }
body { font-family: system-ui, sans-serif; margin: 0; padding: 1rem; color: var(--ink); background: #f6f7f9; line-height: 1.5; }
main { max-width: 34rem; margin: 0 auto; }
h1 { color: var(--blue); font-size: 1.4rem; margin: 0.2rem 0 0.5rem; }
h2 { font-size: 1.15rem; margin: 0 0 0.5rem; }
.card { background: #fff; border: 1px solid var(--line); border-radius: 10px; padding: 1rem; margin: 1rem 0; }
.muted { color: var(--muted); font-size: 0.95rem; }
label { display: flex; flex-direction: column; gap: 0.3rem; font-weight: 600; margin-bottom: 0.8rem; }
select { font: inherit; font-weight: 400; min-height: 48px; padding: 0.6rem; border: 1px solid #9aa0a6; border-radius: 8px; background: #fff; }
input { font: inherit; font-size: 1.2rem; padding: 0.6rem; min-height: 48px; border: 1px solid #9aa0a6; border-radius: 8px; background: #fff; }
button, .button { font: inherit; font-weight: 700; display: inline-flex; align-items: center; justify-content: center; min-height: 48px; padding: 0.6rem 1rem; border-radius: 8px; border: 1px solid var(--line); background: #fff; color: var(--blue); text-decoration: none; }
.primary { background: var(--blue); border-color: var(--blue); color: #fff; width: 100%; }
.actions { display: flex; flex-wrap: wrap; gap: 0.6rem; margin-top: 1rem; }
.error { color: var(--red); font-weight: 600; }
.saved { color: var(--green); font-weight: 600; }
[hidden] { display: none !important; }
`;

export function offlinePageHtml(script: string): string {
  return `<!doctype html>
<html lang="id">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="theme-color" content="#0b5394">
<title>${id("offline.pageTitle")}</title>
<style>${STYLE}</style>
<script src="${script}" defer></script>
</head>
<body>
<main id="offline" data-testid="offline-page">
<h1 id="offline-title">${id("offline.title")}</h1>
<p id="offline-notice">${id("offline.notStored")}</p>
<div id="offline-body"></div>
<p class="actions"><a class="button" id="offline-home" href="/officer">${id("offline.myTps")} / ${en("offline.myTps")}</a></p>
<p id="offline-notice-en" lang="en" class="muted">${en("offline.notStored")}</p>
</main>
</body>
</html>
`;
}
