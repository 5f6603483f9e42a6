// Two real Pantau instances on one database sharing live events through
// @socket.io/postgres-adapter: the checks of tests/support/two-instances.ts.
import { afterAll, beforeAll, describe } from "vitest";
import type { Pantau } from "../server/app";
import { startInstance, startTestServer, type TestServer } from "./support/server";
import { twoInstanceChecks } from "./support/two-instances";

let a: TestServer;
let b: Pantau;

beforeAll(async () => {
  a = await startTestServer();
  b = await startInstance(a.databaseUrl);
});
afterAll(async () => {
  await b?.close();
  await a?.stop();
});

describe("two instances on one database", () => {
  twoInstanceChecks(() => ({ a, b }));
});
