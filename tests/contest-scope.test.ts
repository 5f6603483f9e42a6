// Contests over their own areas, as every reader sees them: a province with two kabupaten/kota (the demo
// Kota Lubuklinggau and a Kabupaten Musi Rawas added by tests/support/province.ts), a governor over both, a
// mayor, a regent with a single pair (the blank column) and a DPRD dapil over one kecamatan.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { LiveEvent } from "../app/lib/events";
import { api } from "./support/api";
import { addSecondCity, CITY_SUPERVISOR, MURA, quickBody } from "./support/province";
import { serverPerTest } from "./support/server";
import { liveClients, resume } from "./support/sockets";

// Every test counts totals over the whole province: a server and database of its own each.
const server = serverPerTest();
const http = api(server);
const live = liveClients();
beforeEach(() => addSecondCity(server().services.sql));
afterEach(() => live.closeAll());

type Snapshot = {
  contests: { code: string; type: string; area: string[]; dapil: string | null; parties: unknown[] }[];
  totals: Record<string, { votes: Record<string, number>; invalid: number; reported: number; tpsCount: number }>;
  regions: { code: string; level: string; kind: string }[];
};

async function snapshotOf(login: string): Promise<Snapshot> {
  const res = await http.get("/api/v1/snapshot", await http.login(login));
  expect(res.status).toBe(200);
  return (await res.json()) as Snapshot;
}

async function submit(tpsCode: string, contest: string, votes: Record<string, number>, invalid = 5) {
  const res = await http.post(
    "/api/v1/quick-counts",
    quickBody(tpsCode, contest, { votes, invalid }),
    await http.login(tpsCode),
  );
  expect(res.status, await res.clone().text()).toBe(201);
}

const codes = (s: { contests: { code: string }[] }) => s.contests.map((c) => c.code);

describe("which contests a caller is given", () => {
  it("lists in the snapshot and GET /api/v1/contests only the contests the caller's area votes in", async () => {
    expect(codes(await snapshotOf("posko"))).toEqual(["gubernur", "walikota", MURA.regent, MURA.dprd]);
    expect(codes(await snapshotOf(CITY_SUPERVISOR))).toEqual(["gubernur", "walikota"]);
    expect(codes(await snapshotOf(MURA.supervisor))).toEqual(["gubernur", MURA.regent, MURA.dprd]);
    // A kecamatan supervisor of the city: the governor and their mayor.
    expect(codes(await snapshotOf("pengawas-03"))).toEqual(["gubernur", "walikota"]);
    // An officer: the ballots of their TPS (this one is outside the DPRD dapil).
    expect(codes(await snapshotOf(MURA.tps[3]))).toEqual(["gubernur", MURA.regent]);
    expect(codes(await snapshotOf(MURA.tps[0]))).toEqual(["gubernur", MURA.regent, MURA.dprd]);

    const contestsOf = async (login?: string) => {
      const res = await http.get("/api/v1/contests", login ? await http.login(login) : undefined);
      expect(res.status).toBe(200);
      return ((await res.json()) as { contests: Snapshot["contests"] }).contests;
    };
    const all = await contestsOf();
    expect(codes({ contests: all })).toEqual(["gubernur", "walikota", MURA.regent, MURA.dprd]);
    expect(all.find((c) => c.code === MURA.dprd)).toMatchObject({
      type: "dprd_kabkota",
      dapil: "Musi Rawas 1",
      area: ["16.05.01"],
      candidates: [],
      parties: [
        {
          number: 1,
          abbrev: "PLT",
          candidates: [
            { number: 1, name: "Andi Saputra" },
            { number: 2, name: "Sri Wahyuni" },
          ],
        },
        {
          number: 2,
          abbrev: "SMD",
          candidates: [
            { number: 1, name: "Budi Santoso" },
            { number: 2, name: "Citra Lestari" },
          ],
        },
      ],
    });
    expect(all.find((c) => c.code === MURA.regent)).toMatchObject({ type: "bupati", area: ["16.05"] });
    expect(codes({ contests: await contestsOf(MURA.supervisor) })).toEqual(["gubernur", MURA.regent, MURA.dprd]);
    expect(codes({ contests: await contestsOf(CITY_SUPERVISOR) })).toEqual(["gubernur", "walikota"]);
  });

  it("gives the kabupaten/kota regions with their kind, for the command post's area filter", async () => {
    const regions = (await snapshotOf("posko")).regions;
    expect(regions.find((r) => r.code === "16.05")).toMatchObject({ level: "city", kind: "kabupaten" });
    expect(regions.find((r) => r.code === "16.73")).toMatchObject({ level: "city", kind: "kota" });
    expect(regions.find((r) => r.code === "16.05.01.2001")).toMatchObject({ kind: "desa" });
  });
});

describe("totals and progress per contest over its area", () => {
  it("counts each contest's votes, reported TPS and progress denominator only inside its area", async () => {
    const cityTps = "1673011001-001";
    await submit(cityTps, "gubernur", { "1": 60, "2": 65 }, 3);
    await submit(cityTps, "walikota", { "1": 40, "2": 45, "3": 40 }, 3);
    await submit(MURA.tps[0], "gubernur", { "1": 100, "2": 20 }, 4);
    // A single pair: the blank column (choice 0) is a choice of its own.
    await submit(MURA.tps[0], MURA.regent, { "1": 90, "0": 30 }, 4);
    // A mayor's result at a TPS of the other kabupaten cannot be written through the API; one left from
    // before an admin narrowed the area must still not count.
    const sql = server().services.sql;
    const [stray] = await sql`insert into submissions (id, tps_code, contest_code, source, author_id, revision, votes,
        invalid, captured_at, body_hash, response)
      select gen_random_uuid(), ${MURA.tps[1]}, 'walikota', 'app', u.id, 1, '{"1": 500, "2": 0, "3": 0}', 1, now(), 'x', '{}'
      from users u where u.login = 'posko' returning id`;
    await sql`insert into results (tps_code, contest_code, status, submission_id, votes, invalid)
      values (${MURA.tps[1]}, 'walikota', 'submitted', ${stray.id}, '{"1": 500, "2": 0, "3": 0}', 1)`;

    const all = await snapshotOf("posko");
    expect(all.totals.gubernur).toEqual({ votes: { "1": 160, "2": 85 }, invalid: 7, reported: 2, tpsCount: 639 });
    expect(all.totals.walikota).toEqual({
      votes: { "1": 40, "2": 45, "3": 40 },
      invalid: 3,
      reported: 1,
      tpsCount: 635,
    });
    expect(all.totals[MURA.regent]).toEqual({ votes: { "1": 90, "0": 30 }, invalid: 4, reported: 1, tpsCount: 4 });
    expect(all.totals[MURA.dprd]).toEqual({ votes: { "1": 0, "2": 0 }, invalid: 0, reported: 0, tpsCount: 3 });

    // A kabupaten supervisor: the governor's totals over their kabupaten only.
    const mura = await snapshotOf(MURA.supervisor);
    expect(mura.totals.gubernur).toEqual({ votes: { "1": 100, "2": 20 }, invalid: 4, reported: 1, tpsCount: 4 });
    expect(mura.totals.walikota).toBeUndefined();
    const kota = await snapshotOf(CITY_SUPERVISOR);
    expect(kota.totals.gubernur).toMatchObject({ votes: { "1": 60, "2": 65 }, reported: 1, tpsCount: 635 });
    expect(kota.totals[MURA.regent]).toBeUndefined();
  });
});

describe("events of another kabupaten's contest", () => {
  it("never reach a supervisor of the other kabupaten, live or on replay", async () => {
    const kotaToken = await http.login(CITY_SUPERVISOR);
    const kota = await live.connect(server().url, { token: kotaToken });
    const mura = await live.connect(server().url, { token: await http.login(MURA.supervisor) });
    await submit(MURA.tps[2], MURA.regent, { "1": 70, "0": 40 }, 2);
    await submit("1673021001-001", "walikota", { "1": 40, "2": 45, "3": 40 }, 3);

    const isResult = (contest: string) => (e: LiveEvent) => e.type === "result:updated" && e.data.contest === contest;
    await mura.waitFor(isResult(MURA.regent));
    await kota.waitFor(isResult("walikota"));
    // The regent's event went out before the mayor's: had it been meant for the city, it would be here.
    expect(kota.received.filter(isResult(MURA.regent))).toEqual([]);
    expect(mura.received.filter(isResult("walikota"))).toEqual([]);

    const replay = await resume(kota.socket, 0);
    expect(replay.ok).toBe(true);
    const replayed = replay.ok ? replay.data.events : [];
    expect(replayed.some(isResult("walikota"))).toBe(true);
    expect(replayed.filter(isResult(MURA.regent))).toEqual([]);
    const page = (await (await http.get("/api/v1/events?after=0", kotaToken)).json()) as { events: LiveEvent[] };
    expect(page.events.some(isResult("walikota"))).toBe(true);
    expect(page.events.filter(isResult(MURA.regent))).toEqual([]);
  });
});

describe("projection per contest", () => {
  it("projects a mayor's contest from the sampled TPS inside the city only", async () => {
    const admin = await http.login("admin");
    expect((await http.form("/admin/proyeksi", { mode: "size", size: 60 }, admin)).status).toBe(200);
    const sql = server().services.sql;
    // A sampled TPS of the kabupaten with a mayor's result (one left from before an admin narrowed the area).
    await sql`insert into projection_sample (tps_code, kelurahan_code, stratum)
      select code, kelurahan_code, ${MURA.kecamatan} from tps where code = ${MURA.tps[0]} on conflict do nothing`;
    const [stray] = await sql`insert into submissions (id, tps_code, contest_code, source, author_id, revision, votes,
        invalid, captured_at, body_hash, response)
      select gen_random_uuid(), ${MURA.tps[0]}, 'walikota', 'app', u.id, 1, '{"1": 900, "2": 0, "3": 0}', 1, now(), 'x', '{}'
      from users u where u.login = 'posko' returning id`;
    await sql`insert into results (tps_code, contest_code, status, submission_id, votes, invalid)
      values (${MURA.tps[0]}, 'walikota', 'submitted', ${stray.id}, '{"1": 900, "2": 0, "3": 0}', 1)`;
    // Two sampled TPS of the city report the mayor's contest.
    const cityTps = await sql<{ tpsCode: string }[]>`
      select tps_code from projection_sample where tps_code like '1673%' order by tps_code limit 2`;
    for (const { tpsCode } of cityTps) await submit(tpsCode, "walikota", { "1": 40, "2": 45, "3": 40 }, 3);

    const { contests } = await (await http.get("/api/v1/projection", await http.login("posko"))).json();
    const projection = contests.walikota;
    expect(projection.reported).toBe(2);
    expect(projection.candidates[0].estimate).toBeCloseTo(40 / 125, 10);
    // Read together, each contest keeps its own area: the governor's sample spans the province (the
    // kabupaten's sampled TPS too) and has no result of its own yet.
    expect(contests.gubernur.sampleSize).toBeGreaterThan(projection.sampleSize);
    expect(contests.gubernur.reported).toBe(0);
  });
});
