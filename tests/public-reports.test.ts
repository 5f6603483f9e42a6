// Public reports (laporan masyarakat) against the real server: a report reaches
// the command post as an unverified citizen incident, its tracking code shows the status the operator set,
// the contact stays private, and reports are size- and rate-limited.
import { afterEach, describe, expect, it } from "vitest";
import { RATE } from "~/models/reports.server";
import { api, C1_PHOTO } from "./support/api";
import { serverPerTest } from "./support/server";
import { liveClients } from "./support/sockets";

// Reports count against one client's rate limit, so each test has a server and database of its own.
const server = serverPerTest();
const http = api(server);
const live = liveClients();
afterEach(() => live.closeAll());

const CONTACT = "0812-9999-4444 (Rina)";
const report = (over: Record<string, unknown> = {}) => ({
  category: "vote_buying",
  tpsCode: "1673041001-002",
  description: "Ada pembagian amplop di dekat TPS pagi ini.",
  contact: CONTACT,
  ...over,
});
const postJson = http.post;
const get = http.get;

describe("public reports", () => {
  it("reaches the command post live as an unverified citizen report; the tracking code follows the operator's decision", async () => {
    const posko = await http.login("posko");
    const dashboard = await live.connect(server().url, { token: posko });
    const res = await postJson("/api/v1/public/reports", report());
    expect(res.status).toBe(201);
    const { trackingCode, status } = await res.json();
    expect(status).toBe("new");
    expect(trackingCode).toMatch(/^LP-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    const created = await dashboard.waitFor((e) => e.type === "incident:created");
    expect(created.data).toMatchObject({ source: "citizen", status: "new" });

    const { incidents } = await (await get("/api/v1/incidents", posko)).json();
    const incident = incidents.find((i: { id: string }) => i.id === (created.data as { id: string }).id);
    expect(incident).toMatchObject({
      source: "citizen",
      status: "new",
      category: "vote_buying",
      tpsCode: "1673041001-002",
      reporter: null,
    });

    // The command post sees the contact; the public never does.
    expect(await (await get(`/api/v1/incidents/${incident.id}/citizen`, posko)).json()).toEqual({
      trackingCode,
      place: null,
      contact: CONTACT,
      hasPhoto: false,
    });
    expect((await get(`/api/v1/incidents/${incident.id}/citizen`)).status).toBe(401);

    const track = async () => (await get(`/api/v1/public/reports/${trackingCode}`)).json();
    const before = await track();
    expect(before).toMatchObject({
      trackingCode,
      status: "new",
      category: "vote_buying",
      history: [{ status: "new" }],
    });
    expect(JSON.stringify(before)).not.toContain("0812");
    expect(JSON.stringify(before)).not.toContain("amplop");

    // Unverified: not yet in the public incident counts.
    const counts = async () => (await (await get("/api/v1/public/summary")).json()).incidents;
    expect(await counts()).toEqual([]);

    expect(
      (await postJson(`/api/v1/incidents/${incident.id}/transitions`, { action: "acknowledge" }, posko)).status,
    ).toBe(200);
    expect(await track()).toMatchObject({
      status: "acknowledged",
      history: [{ status: "new" }, { status: "acknowledged" }],
    });
    expect(await counts()).toEqual([
      { category: "vote_buying", label: { id: "Politik uang", en: "Vote buying" }, count: 1 },
    ]);
    const summaryText = await (await get("/api/v1/public/summary")).text();
    expect(summaryText).not.toContain("0812");

    expect(
      (await postJson(`/api/v1/incidents/${incident.id}/transitions`, { action: "reject", note: "duplikat" }, posko))
        .status,
    ).toBe(200);
    expect((await track()).status).toBe("rejected");
    expect(await counts()).toEqual([]);

    // The incidents export carries the report with its workflow, never the reporter's contact.
    expect((await get("/api/v1/exports/incidents.csv")).status).toBe(401);
    const csv = (await (await get("/api/v1/exports/incidents.csv?sep=comma", posko)).text()).replace(/^\ufeff/, "");
    const [header, ...lines] = csv.trim().split("\r\n");
    expect(header.split(",").slice(0, 8)).toEqual([
      "id",
      "created_at",
      "occurred_at",
      "source",
      "category",
      "severity",
      "status",
      "tps_code",
    ]);
    const line = lines.find((l) => l.startsWith(incident.id))!;
    expect(line).toContain(`,citizen,vote_buying,medium,rejected,1673041001-002,`);
    expect(line).toContain(trackingCode);
    expect(csv).not.toContain("0812");
    const otherArea = await http.login("pengawas-01");
    expect(await (await get("/api/v1/exports/incidents.csv", otherArea)).text()).not.toContain(incident.id);

    expect((await get("/api/v1/public/reports/LP-AAAA-AAAA")).status).toBe(404);
    expect((await get("/api/v1/public/reports/nonsense")).status).toBe(404);
  });

  it("checks fields, photo type and size", async () => {
    const posko = await http.login("posko");
    const bad = await postJson("/api/v1/public/reports", { category: "aliens", tpsCode: "", description: "pendek" });
    expect(bad.status).toBe(422);
    expect((await bad.json()).errors.map((e: { field: string }) => e.field).sort()).toEqual(["description", "place"]);
    const unknown = await postJson("/api/v1/public/reports", report({ category: "aliens" }));
    expect(unknown.status).toBe(422);
    expect((await unknown.json()).errors).toEqual([
      { field: "category", code: "unknown_category", message: "Kategori tidak dikenal." },
    ]);

    const form = (photo: Blob) => {
      const f = new FormData();
      for (const [k, v] of Object.entries(report({ tpsCode: "", place: "Pasar Satelit" }))) f.set(k, String(v));
      f.set("photo", photo, "foto.jpg");
      return http.multipart("/api/v1/public/reports", f);
    };
    const notImage = await form(new Blob(["<script>alert(1)</script>"], { type: "image/jpeg" }));
    expect(notImage.status).toBe(422);
    expect((await notImage.json()).errors[0]).toMatchObject({ field: "photo", code: "bad_type" });
    const huge = await form(new Blob([new Uint8Array(3 * 1024 * 1024)], { type: "image/jpeg" }));
    expect(huge.status).toBe(413);

    const png = new Uint8Array(C1_PHOTO); // a whole 1x1 PNG: its header must state a size
    const ok = await form(new Blob([png], { type: "image/png" }));
    expect(ok.status).toBe(201);
    const { trackingCode } = await ok.json();
    const [row] = await server().services
      .sql`select c.incident_id, c.place, c.photo_type, i.tps_code from citizen_reports c join incidents i on i.id = c.incident_id where c.tracking_code = ${trackingCode}`;
    expect(row).toMatchObject({ place: "Pasar Satelit", photoType: "image/png", tpsCode: null });
    const photo = await get(`/api/v1/incidents/${row.incidentId}/citizen?photo=1`, posko);
    expect(photo.headers.get("content-type")).toBe("image/png");
    expect(new Uint8Array(await photo.arrayBuffer())).toEqual(png);
  });

  it("limits how many reports one client sends", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < RATE.perClient; i++) statuses.push((await postJson("/api/v1/public/reports", report())).status);
    expect(statuses).toEqual(Array(RATE.perClient).fill(201));
    const limited = await postJson("/api/v1/public/reports", report());
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("600");
    expect((await limited.json()).message).toMatch(/Terlalu banyak laporan/);
  });
});
