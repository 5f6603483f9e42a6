// With a generated 10,000-TPS region the command post draws clusters, not one marker per
// TPS, and live results still reach its totals. Runs on a database and server of its own (the shared e2e
// database is the demo city), started with the load scripts' helpers; no map tiles.
import { randomUUID } from "node:crypto";
import { freePort, HOST, mintSessions, request, startLoadDatabase, startPantau, stopChild } from "../scripts/load-kit";
import { expect, test } from "./fixtures";

const TPS = 10_000;

test("a 10,000-TPS region: clusters instead of 10,000 markers, and live totals", async ({ browser, login }) => {
  test.setTimeout(180_000);
  const db = await startLoadDatabase({ tpsCount: TPS });
  const port = await freePort();
  const server = await startPantau(db.databaseUrl, port, { TILE_URL: "" });
  const context = await browser.newContext({ baseURL: `http://${HOST}:${port}`, locale: "id-ID" });
  try {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await login(page, "posko");
    await expect(page.getByTestId("live-status")).toHaveText(/Langsung/, { timeout: 30_000 });
    await expect(page.getByTestId("filter-count")).toHaveText("10.000 dari 10.000 TPS");

    // The whole region in view: a few dozen clusters whose counts add up to every TPS.
    await expect(page.locator(".tps-cluster").first()).toBeVisible();
    const counts = await page
      .locator(".tps-cluster [data-count]")
      .evaluateAll((els) => els.map((e) => Number(e.getAttribute("data-count"))));
    const singles = await page.locator("path.tps-marker").count();
    expect(counts.length + singles).toBeLessThan(200);
    expect(counts.reduce((a, b) => a + b, 0) + singles).toBe(TPS);

    // An officer's quick count reaches the totals and the progress line live.
    const [officer] = await db.sql<{ code: string; userId: number }[]>`
      select t.code, u.id as user_id from tps t join users u on u.tps_code = t.code order by t.code limit 1`;
    const [token] = await mintSessions(db.sql, [officer.userId]);
    const answer = await request(
      port,
      "POST",
      "/api/v1/quick-counts",
      {
        id: randomUUID(),
        tpsCode: officer.code,
        contest: "gubernur",
        votes: { "1": 61, "2": 59 },
        invalid: 2,
        capturedAt: new Date().toISOString(),
      },
      token,
    );
    expect(answer.status).toBe(201);
    await expect(page.getByTestId("votes-gubernur-1")).toHaveText("61");
    // Counts as Indonesians write them (10.000).
    await expect(page.getByTestId("progress-gubernur")).toHaveText(`Masuk 1 dari 10.000 TPS`);
    expect(errors).toEqual([]);
  } finally {
    await context.close();
    await stopChild(server);
    await db.close();
  }
});
