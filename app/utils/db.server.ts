import type postgres from "postgres";

/** A connection pool, a transaction or a savepoint: model functions run in any of them. */
// postgres.js types a pool without custom types as `{}`; any other type here breaks assignability.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export type Db = postgres.ISql<{}>;

/**
 * The columns a left join brings: all of them when the joined row exists, all null when it does not.
 * Typing a row this way lets a check on one column (`row.tpsCode ? ...`) stand for the whole group.
 */
export type LeftJoined<T> = T | { [K in keyof T]: null };
