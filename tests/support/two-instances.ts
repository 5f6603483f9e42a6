// The checks every cluster adapter must pass (tests/scale-out*.test.ts): two real instances on one database,
// a submission on A reaches a dashboard on B, and dashboards on either instance see every event of both,
// once each and in seq order. Call inside a describe; `instances` is read when the tests run.
import type { Socket } from "socket.io-client";
import { afterAll, expect, it } from "vitest";
import type { Pantau } from "../../server/app";
import { connectDashboard, submitAsOfficer, type TestServer } from "./server";
import { until } from "./sockets";

/** Command-post dashboards on either instance and officers' submissions to either; `closeAll` after. */
export function clusterClients() {
  const sockets: Socket[] = [];
  return {
    async dashboard(url: string) {
      const connected = await connectDashboard(url);
      sockets.push(connected.socket);
      return connected;
    },
    submit: async (url: string, tpsCode: string, contest: "gubernur" | "walikota") =>
      expect(await submitAsOfficer({ url }, tpsCode, contest)).toBe(201),
    closeAll() {
      for (const s of sockets.splice(0)) s.close();
    },
  };
}

export function twoInstanceChecks(instances: () => { a: TestServer; b: Pantau }) {
  const { dashboard, submit, closeAll } = clusterClients();
  afterAll(closeAll);

  it("delivers a submission made on instance A to a dashboard connected to instance B", async () => {
    const { a, b } = instances();
    const { received: onB } = await dashboard(b.url);
    await submit(a.url, "1673051001-001", "gubernur");
    await until(
      () => onB.some((e) => e.type === "result:updated" && e.data.tpsCode === "1673051001-001"),
      "the event on B",
    );
    const event = onB.find((e) => e.type === "result:updated")!;
    expect(event.data).toMatchObject({ tpsCode: "1673051001-001", contest: "gubernur", status: "submitted" });
  });

  it("gives dashboards on both instances every event of both, once and in order", async () => {
    const { a, b } = instances();
    const { received: onA } = await dashboard(a.url);
    const { received: onB } = await dashboard(b.url);
    const [{ seq: start }] = await a.services.sql`select seq from event_head`;
    const writes = ["1673051001-002", "1673051001-003", "1673051002-001", "1673051002-002"].flatMap((tps, i) => [
      submit(i % 2 ? a.url : b.url, tps, "walikota"),
      submit(i % 2 ? b.url : a.url, tps, "gubernur"),
    ]);
    await Promise.all(writes);
    const [{ seq: head }] = await a.services.sql`select seq from event_head`;
    const expected = Array.from({ length: head - start }, (_, i) => start + 1 + i);
    for (const [name, received] of [
      ["A", onA],
      ["B", onB],
    ] as const) {
      await until(() => received.length >= expected.length, `every event on ${name}`);
      expect(
        received.map((e) => e.seq),
        `dashboard on ${name}`,
      ).toEqual(expected);
    }
  });

  return { dashboard, submit };
}
