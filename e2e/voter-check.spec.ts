// The officer's voter-list check (Cek DPT) in real Chromium: the list imported by the admin is loaded on the
// phone, kept encrypted, searched by name (a title and a misspelling) and checked by NIK without signal; the
// lookups reach the audit log once back online; the TPS reports its results and the list is gone from
// IndexedDB, the screen saying when. Kelurahan 16.73.01.1004 only (the e2e database is shared by all specs).
import type { Page } from "@playwright/test";
import { expect, shot, test } from "./fixtures";
import { officerOnPhone, outboxItem } from "./support/officer-phone";

const TPS = "1673011004-001";
const PHONE = { viewport: { width: 360, height: 740 } };
const NIKS = ["1673011207800001", "1673015505850002", "1673010101000003", "1673014309620004"];
const CSV = [
  "tps_code,row,nik,name,sex,birth_date,rt,rw,status,disability",
  `${TPS},1,${NIKS[0]},"H. Achmad Djunaedi",L,1980-07-12,001,002,DPT,`,
  `${TPS},2,${NIKS[1]},"Siti Aminah, S.Pd",P,1985-05-15,001,002,DPT,`,
  `${TPS},3,${NIKS[2]},Tjahjono,L,2000-01-01,003,002,DPTb,`,
  `${TPS},4,${NIKS[3]},Hj. Soeharti,P,1962-09-03,004,001,DPT,tuna daksa`,
].join("\n");

/** What IndexedDB holds of the voter list and the outbox, as raw bytes read back from the store. */
const storedBytes = (page: Page) =>
  page.evaluate(async () => {
    const open = (name: string) =>
      new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open(name);
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
    const all = (db: IDBDatabase, store: string) =>
      new Promise<unknown[]>((resolve) => {
        if (!db.objectStoreNames.contains(store)) return resolve([]);
        const req = db.transaction(store).objectStore(store).getAll();
        req.onsuccess = () => resolve(req.result);
      });
    const text = (value: unknown): string => {
      if (value instanceof ArrayBuffer) return String.fromCharCode(...new Uint8Array(value));
      if (ArrayBuffer.isView(value)) return String.fromCharCode(...new Uint8Array(value.buffer));
      if (value && typeof value === "object")
        return Object.values(value as Record<string, unknown>)
          .map(text)
          .join("|");
      return String(value);
    };
    const voters = await open("pantau-voters");
    const outbox = await open("pantau");
    const list = await all(voters, "list");
    return {
      listRecords: list.length,
      list: list.map(text).join(""),
      log: JSON.stringify(await all(voters, "log")),
      outbox: JSON.stringify(await all(outbox, "outbox")),
    };
  });

test("the officer checks voters offline by name and NIK; the list is wiped once the TPS has reported", async ({
  phone,
  login,
  request,
  apiAs,
}) => {
  const admin = await apiAs("admin");
  const imported = await request.post("/api/v1/admin/imports/voters", {
    data: CSV,
    headers: { Authorization: `Bearer ${admin.token}`, "Content-Type": "text/csv" },
  });
  expect(imported.status()).toBe(200);

  const { context, page } = await officerOnPhone(
    { phone, login },
    TPS,
    {},
    {
      screens: ["/officer", "/officer/cek-dpt"],
    },
  );
  await page.goto("/officer/cek-dpt");
  await page.getByRole("button", { name: "Unduh daftar pemilih" }).click();
  await expect(page.getByTestId("voter-list-loaded")).toContainText("4 pemilih");
  await shot(page, "voter-check-loaded");

  // Without signal, after a reload: the page from the cache, the list decrypted from IndexedDB.
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByTestId("voter-list-loaded")).toContainText("4 pemilih");
  await page.getByLabel("Cari nama").fill("Hj Suharty");
  await page.getByRole("button", { name: "Cari", exact: true }).click();
  const results = page.getByTestId("voter-results");
  await expect(results.locator("li")).toHaveCount(1);
  await expect(results).toContainText("No. 4");
  await expect(results).toContainText("Hj. Soeharti");
  await expect(results).toContainText("RT 004/RW 001");
  await expect(results).toContainText("umur 60-69");
  await shot(page, "voter-check-name");

  const nik = page.getByLabel("Cek NIK");
  await nik.fill(NIKS[1]);
  await page.getByRole("button", { name: "Cek NIK" }).click();
  await expect(page.getByTestId("nik-answer")).toHaveText("NIK terdaftar di TPS ini: No. 2, Siti Aminah, S.Pd.");
  await expect(nik).toHaveValue("");
  await nik.fill("1673019999990009");
  await page.getByRole("button", { name: "Cek NIK" }).click();
  await expect(page.getByTestId("nik-answer")).toHaveText("NIK ini tidak ada di daftar TPS ini.");
  await expect(page.locator("body")).not.toContainText(NIKS[1]);
  await shot(page, "voter-check-nik");

  // The stored bytes: the list is ciphertext (no name, no NIK), the log and the lookup records hold neither.
  const stored = await storedBytes(page);
  expect(stored.listRecords).toBe(1);
  for (const text of [stored.list, stored.log, stored.outbox]) {
    for (const n of [...NIKS, "1673019999990009"]) expect(text).not.toContain(n.slice(6));
    expect(text).not.toContain("Soeharti");
    expect(text).not.toContain("Suharty");
  }

  // Back online: the three lookups are sent and audited, each once.
  await context.setOffline(false);
  await page.goto("/officer");
  await expect(outboxItem(page, "voter-check")).toHaveCount(3);
  for (const item of await outboxItem(page, "voter-check").all())
    await expect(item).toHaveAttribute("data-state", "sent");
  const audit = await (await admin.get("/api/v1/exports/audit.csv")).text();
  expect(audit.split("\n").filter((l) => l.includes("voters.check") && l.includes(TPS))).toHaveLength(3);
  for (const n of NIKS) expect(audit).not.toContain(n.slice(6));

  // The TPS reports both ballots: the phone wipes the list and says when.
  for (const [contest, votes] of [
    ["gubernur", [60, 65]],
    ["walikota", [40, 45, 40]],
  ] as const) {
    await page.goto(`/officer/quick-count/${contest}`);
    for (const [i, n] of votes.entries()) await page.getByLabel(new RegExp(`No\\. ${i + 1}`)).fill(String(n));
    await page.getByLabel("Suara tidak sah").fill("3");
    await page.getByRole("button", { name: "Kirim hasil" }).click();
    await expect(page).toHaveURL(/\/officer$/);
  }
  await expect(outboxItem(page, "quick-count")).toHaveCount(2);
  for (const item of await outboxItem(page, "quick-count").all())
    await expect(item).toHaveAttribute("data-state", "sent");
  await expect.poll(async () => (await storedBytes(page)).listRecords).toBe(0);
  await page.goto("/officer/cek-dpt");
  await expect(page.getByTestId("voter-list-wiped")).toContainText("Daftar dihapus dari ponsel");
  await expect(page.getByTestId("voter-list-wiped")).toContainText("TPS sudah melapor hasil");
  expect(
    await page.evaluate(async () => !!(await (await caches.open("pantau-pages")).match("/__pantau/voter-key"))),
  ).toBe(false);
  await shot(page, "voter-check-wiped");
});

test("logging out wipes the voter list from the phone", async ({ phone, login, request, apiAs }) => {
  const tps = "1673011004-002";
  const admin = await apiAs("admin");
  const csv = CSV.replaceAll(TPS, tps);
  const imported = await request.post("/api/v1/admin/imports/voters", {
    data: csv,
    headers: { Authorization: `Bearer ${admin.token}`, "Content-Type": "text/csv" },
  });
  expect(imported.status()).toBe(200);
  const { page } = await officerOnPhone({ phone, login }, tps, PHONE, { screens: ["/officer", "/officer/cek-dpt"] });
  await page.goto("/officer/cek-dpt");
  await page.getByRole("button", { name: "Unduh daftar pemilih" }).click();
  await expect(page.getByTestId("voter-list-loaded")).toContainText("4 pemilih");
  expect((await storedBytes(page)).listRecords).toBe(1);
  await page.getByRole("button", { name: "Keluar" }).click();
  await expect(page).toHaveURL(/\/login/);
  await expect.poll(async () => (await storedBytes(page)).listRecords).toBe(0);
  expect((await storedBytes(page)).log).toContain('"reason":"logout"');
  // The next officer to log in on this phone finds no list, only when it was wiped.
  await login(page, tps);
  await page.goto("/officer/cek-dpt");
  await expect(page.getByTestId("voter-list-wiped")).toContainText("petugas keluar");
  await shot(page, "voter-check-after-logout");
});

test("the admin checks a voter file on the import screen; the officer's home links the check", async ({
  browser,
  phone,
  login,
}) => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: "id-ID" });
  const page = await context.newPage();
  await login(page, "admin");
  await page.goto("/admin/impor");
  await page.getByLabel("Jenis data").selectOption("voters");
  await page.getByLabel("Berkas CSV").setInputFiles("public/samples/voters.csv");
  await page.getByRole("button", { name: "Periksa (uji coba)" }).click();
  await expect(page.getByTestId("import-report")).toContainText("Semua baris benar: 5 akan dibuat");
  await shot(page, "voter-import-check", true);
  await context.close();

  const { page: officer } = await phone(PHONE);
  await login(officer, "1673011004-003");
  await expect(officer.getByRole("link", { name: "Cek DPT" })).toBeVisible();
  await shot(officer, "officer-home-with-check", true);
});

test("replacing the officer wipes the list on the phone's next contact with the server", async ({
  phone,
  login,
  request,
  apiAs,
}) => {
  const tps = "1673011004-004";
  const admin = await apiAs("admin");
  const imported = await request.post("/api/v1/admin/imports/voters", {
    data: CSV.replaceAll(TPS, tps),
    headers: { Authorization: `Bearer ${admin.token}`, "Content-Type": "text/csv" },
  });
  expect(imported.status()).toBe(200);
  const { page } = await officerOnPhone({ phone, login }, tps, PHONE, { screens: ["/officer", "/officer/cek-dpt"] });
  await page.goto("/officer/cek-dpt");
  await page.getByRole("button", { name: "Unduh daftar pemilih" }).click();
  await expect(page.getByTestId("voter-list-loaded")).toContainText("4 pemilih");

  const posko = await apiAs("posko");
  const replaced = await posko.post("/api/v1/officers", {
    action: "replace",
    tpsCode: tps,
    name: "Petugas Pengganti",
    reason: "sakit",
  });
  expect(replaced.status()).toBe(201);
  // The old person's phone comes back to the app: the session is gone, and so is the list.
  await page.goto("/officer");
  await expect(page).toHaveURL(/\/login/);
  await expect.poll(async () => (await storedBytes(page)).listRecords).toBe(0);
  expect((await storedBytes(page)).log).toContain('"reason":"session"');
});
