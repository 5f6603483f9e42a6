// A flood of citizen reports against a real server, from many simulated client addresses (TRUST_PROXY +
// X-Forwarded-For) (docs/decisions/030-guessing-and-flooding.md): reporting stays on for new reporters, with
// true messages, and the spam does not push real reports out of what operators see.
import { afterEach, describe, expect, it } from "vitest";
import type { IncidentData } from "~/lib/events";
import { feedSections } from "~/lib/incident-feed";
import { RATE } from "~/models/reports.server";
import { api } from "./support/api";
import { serverPerTest } from "./support/server";
import { liveClients } from "./support/sockets";

const server = serverPerTest({ TRUST_PROXY: "loopback" });
const http = api(server);
const live = liveClients();
afterEach(() => live.closeAll());

const address = (n: number) => `172.16.${(n >> 8) & 255}.${n & 255}`;

async function report(from: string, description: string, over: Record<string, unknown> = {}) {
  const res = await http.post(
    "/api/v1/public/reports",
    { category: "vote_buying", tpsCode: "1673041001-003", description, ...over },
    undefined,
    { "X-Forwarded-For": from },
  );
  return { status: res.status, retryAfter: res.headers.get("retry-after"), body: await res.json() };
}

/** About 120 addresses send their five reports each, a few at a time, numbers varied to look new. */
async function flood(addresses: number) {
  const jobs = Array.from(
    { length: addresses * RATE.perClient },
    (_, i) => () => report(address(i % addresses), `Ada politik uang di TPS ${i}, amplop ${i * 7} ribu dibagikan.`),
  );
  const statuses: number[] = [];
  for (let i = 0; i < jobs.length; i += 24)
    statuses.push(...(await Promise.all(jobs.slice(i, i + 24).map((j) => j()))).map((r) => r.status));
  return statuses;
}

describe("a flood of citizen reports", () => {
  it("still hears a new reporter, queued with a true message, and tells a flooding address why it is refused", async () => {
    const statuses = await flood(RATE.floodAt / RATE.perClient);
    expect(statuses.filter((s) => s !== 201)).toEqual([]);
    // The global mark is reached: a new reporter is heard, queued, and told so.
    const fresh = await report(address(5000), "Kotak suara dibawa pulang oleh orang tak dikenal sebelum dihitung.");
    expect(fresh.status).toBe(201);
    expect(fresh.body).toMatchObject({ status: "new", queued: true, trackingCode: expect.stringMatching(/^LP-/) });
    const tracked = await http.get(`/api/v1/public/reports/${fresh.body.trackingCode}`);
    expect((await tracked.json()).status).toBe("new");
    // The page form says the same, in words, to a reporter without JavaScript.
    const form = new FormData();
    form.set("category", "intimidation");
    form.set("tpsCode", "1673041001-004");
    form.set("description", "Saksi diusir dari TPS oleh sekelompok orang.");
    const page = await fetch(`${server().url}/publik/lapor`, {
      method: "POST",
      body: form,
      headers: { "X-Forwarded-For": address(5001) },
    });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("masuk antrean");
    expect(html).toMatch(/LP-[A-Z2-9]{4}-[A-Z2-9]{4}/);
    // A flooding address is refused for what it did, not told reporting is off for everyone.
    const refused = await report(address(0), "Lagi: politik uang di TPS ini.");
    expect(refused.status).toBe(429);
    expect(refused.retryAfter).toBe(String(RATE.windowMinutes * 60));
    expect(refused.body.message).toMatch(/dari alamat internet ini/);
    expect(refused.body.message).not.toMatch(/tidak diterima|perangkat ini/);
  }, 120_000);

  it("keeps real reports in view of operators: before the spam, grouped apart from it, queued ones last", async () => {
    const posko = await http.login("posko");
    const dashboard = await live.connect(server().url, { token: posko });
    const before = await report(address(6000), "Petugas KPPS membuka kotak suara sebelum waktunya.");
    expect(before.body.queued).toBe(false);
    const staff = await http.post(
      "/api/v1/incidents",
      {
        id: crypto.randomUUID(),
        category: "other",
        severity: "low",
        description: "Listrik padam di sekitar TPS, penghitungan memakai senter.",
        tpsCode: "1673041001-005",
        occurredAt: new Date().toISOString(),
      },
      posko,
    );
    expect(staff.status).toBe(201);
    await flood(RATE.floodAt / RATE.perClient);
    const during = await report(address(6001), "Ada mobilisasi pemilih dari luar daerah dengan bus.");
    expect(during.body.queued).toBe(true);
    for (let i = 0; i < 30; i++)
      await report(address(7000 + i), `Ada politik uang di TPS ${9000 + i}, amplop 50 ribu.`);

    // Live: the queued report reaches the command post marked as queued.
    const pushed = await dashboard.waitFor(
      (e) => e.type === "incident:created" && (e.data as IncidentData).description.startsWith("Ada mobilisasi"),
    );
    expect((pushed.data as IncidentData).queued).toBe(true);

    // The list operators load holds every distinct report even though the spam outnumbers the limit...
    const { incidents } = (await (await http.get("/api/v1/incidents?open=1", posko)).json()) as {
      incidents: IncidentData[];
    };
    const descriptions = incidents.map((i) => i.description);
    for (const real of ["Petugas KPPS membuka", "Listrik padam", "Ada mobilisasi pemilih"])
      expect(
        descriptions.some((d) => d.startsWith(real)),
        real,
      ).toBe(true);
    // ...and the feed shows them as lines of their own, the spam as a handful of groups.
    const { main, queued } = feedSections(incidents);
    const leads = main.map((item) => item.lead.description);
    expect(leads).toContainEqual(expect.stringMatching(/^Petugas KPPS membuka/));
    expect(leads).toContainEqual(expect.stringMatching(/^Listrik padam/));
    expect(main.length).toBeLessThan(5);
    expect(queued.map((item) => item.lead.description)).toContainEqual(expect.stringMatching(/^Ada mobilisasi/));
    expect(queued.length).toBeLessThan(5);

    // The command post page renders its feed a page at a time, not thousands of cards.
    const html = await (await http.get("/posko", posko)).text();
    expect(html).toContain("Petugas KPPS membuka kotak suara");
    expect(html).toContain("Antrean saat laporan membanjir");
    expect((html.match(/data-testid="incident-[0-9a-f-]{36}"/g) ?? []).length).toBeLessThanOrEqual(2 * 20);
  }, 120_000);

  it("refuses only when the flood queue itself is full, and says so", async () => {
    // A queue already full, made directly: filling it over HTTP would take minutes.
    const sql = server().services.sql;
    await sql`
      with made as (
        insert into incidents (id, category, severity, description, source, occurred_at, body_hash, response, queued)
        select gen_random_uuid(), 'vote_buying', 'medium', 'spam ' || n, 'citizen', now(), md5(n::text), '{}'::jsonb, true
        from generate_series(1, ${RATE.queueCap}) n returning id
      )
      insert into citizen_reports (incident_id, tracking_code, ip_hash)
      select id, 'LP-' || upper(substr(md5(id::text), 1, 4)) || '-' || upper(substr(md5(id::text), 5, 4)), 'spam' from made`;
    const busy = await report(address(8000), "Surat suara sudah tercoblos sebelum pemungutan dimulai.");
    expect(busy.status).toBe(429);
    expect(busy.body.message).toMatch(/antreannya penuh\. Laporan ini belum tersimpan/);
    const [{ count }] = await sql`select count(*)::int as count from incidents where description like 'Surat suara%'`;
    expect(count).toBe(0);
  }, 60_000);
});
