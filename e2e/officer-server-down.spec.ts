// The officer's phone on a slow link (e2e/support/slow-proxy.ts) when the server cannot be reached: the
// outbox says so truthfully, whether connections are refused or the link swallows everything, and once
// the server answers again everything waiting goes out by itself, without a tap.
// TPS of kelurahan 16.73.05.1004 only (the e2e database is shared by all specs).
import { expect, shot, test } from "./fixtures";
import { fillGubernur, officerOnPhone, outboxItem } from "./support/officer-phone";
import { startSlowLink, type SlowLink } from "./support/slow-proxy";

let link: SlowLink;
test.beforeEach(async () => {
  // The bad day's round trips (what timeouts and probes feel) with ten times its bandwidth: installing the app
  // on the bad day's own link is a benchmark of its own (docs/BENCHMARKS.md), not what this test is about.
  link = await startSlowLink({ port: Number(process.env.E2E_PORT ?? 3100) }, { kbps: 4000, rttMs: 400 });
});
test.afterEach(() => link.close());

const UNREACHABLE = /Server tidak terjangkau/;

test("with the server unreachable the outbox says so, and sends everything once it answers", async ({
  phone,
  login,
  apiAs,
  request,
}) => {
  // A fresh phone on a slow link: installing the app and warming its screens takes a while.
  test.setTimeout(180_000);
  const tps = "1673051004-001";
  // Only the home screen needs to open from the cache here (after the report is handed to the outbox).
  const { page } = await officerOnPhone(
    { phone, login },
    tps,
    { baseURL: link.url },
    { timeout: 90_000, screens: ["/officer"] },
  );
  await page.goto("/officer/quick-count/gubernur");
  // A plain count (about 60% turnout of this TPS's register), so only the outage is under test.
  const { dpt } = (await (await request.get(`/api/v1/public/tps/${tps}`)).json()) as { dpt: number };
  const votes: [number, number] = [Math.round(dpt * 0.35), Math.round(dpt * 0.25)];
  await fillGubernur(page, votes, 5);
  await page.getByTestId("c1-photos").setInputFiles("public/icons/icon-192.png");

  // Signal but no data: nothing comes back, and the phone says the server cannot be reached.
  link.setMode("blackhole");
  await page.getByRole("button", { name: "Kirim hasil" }).click();
  await expect(page).toHaveURL(/\/officer$/, { timeout: 20_000 });
  const network = page.getByTestId("network");
  await expect(network).toHaveText(UNREACHABLE, { timeout: 15_000 });
  await expect(outboxItem(page, "quick-count")).toHaveAttribute("data-state", "pending");
  await expect(outboxItem(page, "photo")).toHaveAttribute("data-state", "pending");
  await shot(page, "server-down-blackhole");

  // The server refuses connections: the same, and never "online" above the waiting reports.
  link.setMode("refuse");
  await page.reload();
  await expect(network).toHaveText(UNREACHABLE);
  await expect(network).not.toHaveText(/Online|Tersambung/);
  await expect(outboxItem(page, "quick-count")).toHaveAttribute("data-state", "pending");

  // The server answers again: the report and its photo go out by themselves.
  link.setMode("up");
  await expect(page.getByTestId("outbox-empty")).toBeVisible({ timeout: 30_000 });
  await expect(network).toHaveAttribute("data-state", "online");
  await shot(page, "server-down-back-up");
  const posko = await apiAs("posko");
  const detail = await (await posko.get(`/api/v1/tps/${tps}`)).json();
  expect(detail.results).toEqual([
    expect.objectContaining({ contest: "gubernur", votes: { 1: votes[0], 2: votes[1] } }),
  ]);
  expect(detail.photoIds).toHaveLength(1);
});
