// The pocket guide's SMS section against the real server: the number an admin sets is the one the guide
// shows, and every example and every category and severity word the guide teaches is a message the SMS
// webhook accepts (parsed by the real parser, then taken by the webhook with its PIN and C1 checks).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseSms, SMS_CATEGORY_WORDS } from "../app/lib/sms";
import { api, decodeHtml } from "./support/api";
import { startTestServer, type TestServer } from "./support/server";

const SECRET = "sms-gateway-secret-0123456789";
const TPS = "1673041003-002";
let server: TestServer;
const http = api(() => server);
beforeAll(async () => {
  server = await startTestServer({ SMS_WEBHOOK_SECRET: SECRET });
});
afterAll(() => server?.stop());

async function guideAs(login: string) {
  const res = await http.get("/officer/guide", await http.login(login));
  expect(res.status).toBe(200);
  return decodeHtml(await res.text());
}
const all = (html: string, pattern: RegExp) => [...html.matchAll(pattern)].map((m) => m[1]);
const examples = (html: string) => all(html, /data-testid="sms-example">([^<]+)</g);
const wordsIn = (html: string, list: string) =>
  all(html.slice(html.indexOf(`data-testid="${list}"`)).split("</ul>")[0], /<kbd class="sms-word[^"]*">([^<]+)</g);

async function sms(text: string) {
  const res = await http.post("/api/v1/sms", { from: "+6281234500001", text }, undefined, {
    "X-Pantau-Secret": SECRET,
  });
  expect(res.status).toBe(200);
  return (await res.json()) as { status: string; reply: string };
}

describe("the pocket guide's SMS section", () => {
  it("shows the number the admin set, and says to ask the posko while none is set", async () => {
    expect(await guideAs(TPS)).toContain("Nomor SMS belum diatur");
    const admin = await http.login("admin");
    const bad = await http.form("/admin/pengaturan", { section: "sms", number: "tanya posko" }, admin);
    expect(bad.status).toBe(422);
    const ok = await http.form("/admin/pengaturan", { section: "sms", number: "0812-3456-7890" }, admin);
    expect(ok.status).toBe(200);
    const guide = await guideAs(TPS);
    expect(guide).toMatch(/href="sms:081234567890"[^>]*>0812-3456-7890</);
    expect(guide).not.toContain("Nomor SMS belum diatur");
  });

  it("gives examples for this TPS's ballots that the parser reads and the webhook accepts", async () => {
    const texts = examples(await guideAs(TPS));
    // One quick count per ballot (gubernur, walikota), the same with a reason, and an incident.
    expect(texts).toHaveLength(4);
    const parsed = texts.map(parseSms);
    expect(parsed.map((p) => p.ok && p.kind)).toEqual(["QC", "QC", "QC", "INC"]);
    expect(parsed.map((p) => p.ok && p.tpsCode)).toEqual([TPS, TPS, TPS, TPS]);
    expect(parsed.slice(0, 2).map((p) => p.ok && p.kind === "QC" && [p.contest, p.numbers.length])).toEqual([
      ["gubernur", 3], // two pairs and the invalid ballots
      ["walikota", 4],
    ]);
    expect(parsed[2]).toMatchObject({ justification: "sesuai C.Hasil" });
    for (const text of texts) expect(await sms(text), text).toMatchObject({ status: "accepted" });
  });

  it("lists exactly the category and severity words the webhook takes", async () => {
    const html = await guideAs(TPS);
    const categories = wordsIn(html, "sms-categories");
    const severities = wordsIn(html, "sms-severities");
    // Every word the parser maps, and every code, for the categories in use (the demo's: all of them).
    expect(categories.sort()).toEqual(
      Object.entries(SMS_CATEGORY_WORDS)
        .flatMap(([code, words]) => [code, ...words])
        .sort(),
    );
    expect(severities).toEqual(["rendah", "low", "sedang", "medium", "tinggi", "high", "kritis", "critical"]);
    for (const [i, word] of categories.entries()) {
      const answer = await sms(`INC ${TPS} ${word} ${severities[i % severities.length]} uji kata ${i} 123456`);
      expect(answer, word).toMatchObject({ status: "accepted" });
    }
    expect(await sms(`INC ${TPS} bukan_kategori tinggi uji 123456`)).toMatchObject({ status: "rejected" });
  });
});
