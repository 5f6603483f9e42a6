import type postgres from "postgres";

/** A connection pool, a transaction or a savepoint: model functions run in any of them. */
// postgres.js types a pool without custom types as `{}`; any other type here breaks assignability.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export type Db = postgres.ISql<{}>;
