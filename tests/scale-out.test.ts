// Two real Pantau instances on one database sharing live events through
// @socket.io/postgres-adapter: the checks of tests/support/two-instances.ts.
import { afterAll, beforeAll, describe } from "vitest";
import { parseEnv } from "~/utils/env.server";
import { startPantau, type Pantau } from "../server/app";
import { startTestServer, type TestServer } from "./support/server";
import { twoInstanceChecks } from "./support/two-instances";

let a: TestServer;
let b: Pantau;

beforeAll(async () => {
  a = await startTestServer();
  b = await startPantau(
    parseEnv({
      NODE_ENV: "production",
      PORT: "0",
      HOST: "127.0.0.1",
      DATABASE_URL: a.databaseUrl,
      PANTAU_SEED: "none",
      COOKIE_SECURE: "false",
    }),
    () => {},
  );
});
afterAll(async () => {
  await b?.close();
  await a?.stop();
});

describe("two instances on one database", () => {
  twoInstanceChecks(() => ({ a, b }));
});
