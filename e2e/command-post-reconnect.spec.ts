// The command post never silently misses an update: when its connection drops it says "reconnecting",
// and when it is back it catches up by sequence on what happened meanwhile.
import { randomUUID } from "node:crypto";
import { expect, test } from "./fixtures";

test("the command post shows reconnecting and catches up on results sent while it was offline", async ({
  page,
  login,
  context,
  apiAs,
}) => {
  await login(page, "posko");
  await expect(page.getByTestId("live-status")).toHaveText(/Langsung/);
  const votes = page.getByTestId("votes-gubernur-1");
  const before = Number((await votes.textContent())!.replace(/\D/g, ""));

  await context.setOffline(true);
  await expect(page.getByTestId("live-status")).toHaveText("Menyambung ulang…");

  // An officer reports while the command post is cut off (kecamatan 16.73.06 is this spec's own).
  const officer = await apiAs("1673061001-002");
  const sent = await officer.post("/api/v1/quick-counts", {
    id: randomUUID(),
    tpsCode: "1673061001-002",
    contest: "gubernur",
    votes: { "1": 61, "2": 64 },
    invalid: 3,
    capturedAt: new Date().toISOString(),
  });
  expect(sent.status()).toBe(201);

  await context.setOffline(false);
  await expect(page.getByTestId("live-status")).toHaveText(/Langsung/);
  await expect(votes).toHaveText((before + 61).toLocaleString("id-ID"));
});
