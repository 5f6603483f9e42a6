// One way to get a database: DATABASE_URL when given, otherwise the embedded PostgreSQL under the data
// folder. Either way migrations are applied before anything else touches it.
import path from "node:path";
import postgres, { type Sql } from "postgres";
import { startEmbeddedPostgres } from "./embedded";
import { migrate } from "./migrate";

export interface Database {
  sql: Sql;
  url: string;
  close: () => Promise<void>;
}

export function createSql(url: string, options: { max?: number } = {}): Sql {
  return postgres(url, {
    max: options.max ?? 20,
    onnotice: () => {},
    transform: postgres.camel,
    // int8 columns (ids, seq) as numbers: they stay far below 2^53 and clients want plain JSON numbers.
    types: { bigint: { to: 20, from: [20], parse: (x: string) => Number(x), serialize: (x: number) => String(x) } },
    connection: { application_name: "pantau" },
  });
}

export async function openDatabase(options: {
  url?: string;
  dataDir: string;
  log?: (line: string) => void;
}): Promise<Database> {
  let url = options.url;
  let stopEmbedded: (() => Promise<void>) | undefined;
  if (!url) {
    const embedded = await startEmbeddedPostgres({ dir: path.join(options.dataDir, "postgres") });
    url = embedded.url;
    stopEmbedded = embedded.stop;
    options.log?.(`embedded PostgreSQL ready at ${url.replace(/:[^:@/]+@/, ":***@")}`);
  }
  const sql = createSql(url);
  try {
    const applied = await migrate(sql);
    if (applied.length) options.log?.(`migrations applied: ${applied.join(", ")}`);
  } catch (error) {
    await sql.end({ timeout: 1 });
    await stopEmbedded?.();
    throw error;
  }
  return {
    sql,
    url,
    close: async () => {
      await sql.end({ timeout: 5 });
      await stopEmbedded?.();
    },
  };
}
