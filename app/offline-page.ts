// The script of Pantau's offline page (app/lib/offline-page-html.ts), bundled by scripts/build-sw.ts into
// build/client/offline.js. Without signal, and before the officer's pages are stored, it still lets the
// officer record a quick count: into the same outbox (IndexedDB) as the app, as the same item the quick-count
// form makes, with the TPS and account of the officer from the kit the service worker keeps. After a logout
// made without signal it says so, and sends the logout as soon as there is signal.
// Relative imports only: bundled without Vite's ~ alias.
import { translate, type Lang, type MessageKey, type MessageParams } from "./lib/i18n";
import { offlineMessages } from "./lib/messages/offline";
import { LOGOUT_PENDING, readKit, STATE_CACHE, type OfflineKit } from "./lib/offline-kit";
import { belongsTo, newItem, unsent } from "./lib/outbox";
import { idbStore, requestBackgroundSync } from "./lib/outbox-idb";

type Key = MessageKey<typeof offlineMessages>;

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<HTMLElementTagNameMap[K]> & { testid?: string } = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const { testid, ...rest } = props;
  const node = Object.assign(document.createElement(tag), rest);
  if (testid) node.dataset.testid = testid;
  node.append(...children);
  return node;
}

const byId = (id: string) => document.getElementById(id)!;

const logoutPending = async () => !!(await (await caches.open(STATE_CACHE)).match(LOGOUT_PENDING));

/** Words in the officer's language (the kit's), the page's static text in Indonesian with an English line. */
function speak(lang: Lang) {
  document.documentElement.lang = lang;
  const t = (key: Key, params?: MessageParams) => translate(lang, offlineMessages, key, params);
  byId("offline-title").textContent = t("offline.title");
  byId("offline-notice").textContent = t("offline.notStored");
  byId("offline-home").textContent = t("offline.myTps");
  byId("offline-notice-en").hidden = lang === "en";
  document.title = t("offline.pageTitle");
  return t;
}

function quickCountForm(kit: OfflineKit, t: ReturnType<typeof speak>) {
  const status = element("p", { className: "saved", testid: "offline-saved" });
  status.setAttribute("role", "status");
  const waiting = element("p", { className: "muted", testid: "offline-waiting" });
  const error = element("p", { className: "error", hidden: true });
  error.setAttribute("role", "alert");
  const ballot = element(
    "select",
    { name: "contest" },
    ...kit.contests.map((c) => element("option", { value: c.code }, c.name)),
  );
  const boxes = element("div");
  const number = (name: string, label: string) =>
    element(
      "label",
      {},
      label,
      element("input", {
        name,
        type: "text",
        inputMode: "numeric",
        pattern: "[0-9]*",
        required: true,
        autocomplete: "off",
      }),
    );
  const drawBoxes = () => {
    const contest = kit.contests.find((c) => c.code === ballot.value) ?? kit.contests[0];
    boxes.replaceChildren(
      ...contest.choices.map((c) =>
        number(`votes.${c.number}`, t("offline.choice", { number: c.number, name: c.name }).trim()),
      ),
      number("invalid", t("offline.invalid")),
    );
  };
  ballot.addEventListener("change", drawBoxes);
  drawBoxes();

  const showWaiting = async () => {
    const mine = unsent(await idbStore.all()).filter((i) => belongsTo(i, { account: kit.account, tps: kit.tps }));
    waiting.textContent = mine.length ? t("offline.waiting", { n: mine.length }) : "";
  };
  void showWaiting();

  const form = element(
    "form",
    { noValidate: true },
    element("label", {}, t("offline.ballot"), ballot),
    boxes,
    error,
    element("button", { type: "submit", className: "primary" }, t("offline.save")),
  );
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const contest = kit.contests.find((c) => c.code === data.get("contest"))!;
    const values = [...boxes.querySelectorAll("input")].map((input) => input.value.trim());
    if (values.some((v) => !/^\d{1,6}$/.test(v))) {
      error.hidden = false;
      error.textContent = t("offline.needNumber");
      return;
    }
    error.hidden = true;
    const id = crypto.randomUUID();
    const votes = Object.fromEntries(
      contest.choices.map((c) => [String(c.number), String(data.get(`votes.${c.number}`)).trim()]),
    );
    // The item the quick-count form makes (app/components/quick-count/queue.ts): fixed there if refused.
    await idbStore.put(
      newItem({
        id,
        kind: "quick-count",
        url: "/api/v1/quick-counts",
        tps: kit.tps,
        account: kit.account,
        label: contest.name,
        body: {
          id,
          tpsCode: kit.tps,
          contest: contest.code,
          votes,
          invalid: String(data.get("invalid")).trim(),
          capturedAt: new Date().toISOString(),
        },
        fixUrl: `/officer/quick-count/${contest.code}?fix=${id}`,
      }),
    );
    form.reset();
    drawBoxes();
    status.textContent = t("offline.saved", { contest: contest.name });
    await showWaiting();
    status.scrollIntoView({ block: "center" });
    await requestBackgroundSync();
  });

  // What was saved shows above the form, where the officer's eyes are after tapping "save".
  return element(
    "section",
    { className: "card" },
    element("h2", {}, t("offline.record")),
    element("p", { className: "muted" }, t("offline.tps", { tps: kit.tps }), " · ", t("offline.recordHint")),
    status,
    waiting,
    form,
  );
}

/** After a logout without signal: says so, and sends the logout (through the service worker) when it can. */
function loggedOut(t: ReturnType<typeof speak>) {
  byId("offline-title").textContent = t("offline.loggedOut");
  byId("offline-notice-en").textContent = translate("en", offlineMessages, "offline.logoutPending");
  byId("offline-home").hidden = true;
  const notice = byId("offline-notice");
  notice.textContent = t("offline.logoutPending");
  notice.setAttribute("role", "status");
  notice.dataset.testid = "logout-state";
  const login = element("a", { className: "button", href: "/login" }, t("offline.login"));
  const tryNow = async () => {
    await fetch("/logout", { method: "POST", redirect: "manual" }).catch(() => null);
    if (await logoutPending()) return;
    clearInterval(timer);
    notice.textContent = t("offline.logoutDone");
  };
  const timer = setInterval(() => void tryNow(), 10_000);
  window.addEventListener("online", () => void tryNow());
  return element("p", { className: "actions" }, login);
}

async function main() {
  const [kit, pending] = await Promise.all([readKit(), logoutPending()]);
  const t = speak(kit?.lang ?? "id");
  const body = byId("offline-body");
  if (pending) return body.replaceChildren(loggedOut(t));
  const retry = element("button", { type: "button" }, t("offline.retry"));
  retry.addEventListener("click", () => location.reload());
  body.replaceChildren(
    ...(kit?.contests.length ? [quickCountForm(kit, t)] : []),
    element("p", { className: "actions" }, retry),
  );
  // The signal is back: the app itself (which sends the outbox at once).
  window.addEventListener("online", () => location.assign("/officer"));
}

void main();
