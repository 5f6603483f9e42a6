import type postgres from "postgres";

/** A connection pool, a transaction or a savepoint: model functions run in any of them. */
export type Db = postgres.ISql<{}>;
