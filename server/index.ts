// `npm run serve` (production) and `npm run dev`: starts Pantau on PORT (default 3000) and shuts it down
// cleanly on SIGTERM/SIGINT.
import { parseEnv } from "~/utils/env.server";
import { startPantau } from "./app";

let env;
try {
  env = parseEnv();
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}

const pantau = await startPantau(env).catch((error) => {
  console.error("Pantau could not start:", error instanceof Error ? error.message : error);
  process.exit(1);
});
console.log(`Pantau is ready at ${pantau.url} (${env.NODE_ENV})`);

let stopping = false;
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: closing HTTP, Socket.IO and the database…`);
    const force = setTimeout(() => {
      console.error("forced exit after 10 s");
      process.exit(1);
    }, 10_000);
    try {
      await pantau.close();
      clearTimeout(force);
      process.exit(0);
    } catch (error) {
      console.error("error while closing", error);
      process.exit(1);
    }
  });
}
