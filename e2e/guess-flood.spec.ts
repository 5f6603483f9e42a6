// Guessing and flooding on the command post (docs/decisions/030-guessing-and-flooding.md): strangers guessing an
// officer's PIN raise a security alert live, and near-identical citizen reports take one line of the feed.
// Uses only TPS of kelurahan 16.73.08.1008 and 16.73.08.1009; files four citizen reports from this machine's
// address (the per-address limit is five per 10 minutes).
import { expect, shot, test } from "./fixtures";

test.use({ viewport: { width: 1366, height: 768 } });

test("strangers guessing a PIN raise a live alert; copies of one report take one line of the feed", async ({
  page,
  login,
  request,
}) => {
  await login(page, "posko");
  await expect(page.getByTestId("live-status")).toHaveText(/Langsung/);

  // Someone tries PINs for one TPS until its budget for unknown devices is spent.
  const target = "1673081008-001";
  for (let n = 0; n < 6; n++) await request.post("/api/v1/session", { data: { login: target, secret: `00000${n}` } });
  const alert = page.getByTestId("security-alert");
  await expect(alert).toContainText("Peringatan keamanan");
  await expect(alert).toContainText(`akun ${target}`);
  await shot(page, "posko-security-alert");

  // A burst of copies of one text, numbers varied, and one real report.
  const copies = [17, 23, 31].map((n) => `Ada politik uang di TPS 00${n % 9}, amplop ${n}0 ribu per orang.`);
  for (const [n, description] of copies.entries()) {
    const res = await request.post("/api/v1/public/reports", {
      headers: { "X-Forwarded-For": `198.51.100.${10 + n}` },
      data: { category: "vote_buying", tpsCode: "1673081009-001", description },
    });
    expect(res.status()).toBe(201);
  }
  const real = await request.post("/api/v1/public/reports", {
    headers: { "X-Forwarded-For": "198.51.100.20" },
    data: {
      category: "intimidation",
      tpsCode: "1673081009-002",
      description: "Saksi diusir dari TPS oleh sekelompok orang.",
    },
  });
  expect(real.status()).toBe(201);
  const group = page.getByTestId("feed-group").filter({ hasText: "Ada politik uang" });
  await expect(group).toHaveAttribute("data-similar", "2");
  await expect(group).toContainText("+2 laporan serupa");
  await expect(page.getByTestId("incident-feed")).toContainText("Saksi diusir dari TPS");
  await alert.getByRole("button", { name: "Tutup" }).first().click();
  await group.scrollIntoViewIfNeeded();
  await shot(page, "posko-grouped-feed");
  await group.getByRole("button", { name: "Tampilkan yang serupa" }).click();
  await expect(group.locator("article.incident")).toHaveCount(3);
});
