// The pieces request shapes are built from, defined once: codes, ids, timestamps and bounded text.
import { z } from "zod";

export const TPS_CODE = /^\d{10}-\d{3}$/;
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A Kemendagri region code of any level: 16, 16.73, 16.73.01, 16.73.01.1001. */
export const REGION_CODE = /^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/;
/** A lower-case code an admin chooses (categories, checklist items, contests). */
export const SLUG = /^[a-z0-9_-]{1,40}$/;
/** An incident category code (the admin's `incident.categories` setting). */
export const CATEGORY_CODE = /^[a-z0-9_]{1,40}$/;

/** A TPS code, e.g. 1673021001-001 (kelurahan code + TPS number). */
export const tpsCode = z.string().max(20).regex(TPS_CODE);
/** A client-made id (requests are idempotent on it). */
export const uuid = z.string().uuid();
/** A contest code as sent by clients. */
export const contestCode = z.string().min(1).max(40);
/** When something happened on the client, with its offset. */
export const timestamp = z.string().datetime({ offset: true });
/** Trimmed text of at most `max` characters. */
export const text = (max: number) => z.string().trim().max(max);
export const latitude = z.number().min(-90).max(90);
export const longitude = z.number().min(-180).max(180);
/** A GPS accuracy in metres. */
export const accuracy = z.number().min(0).max(100_000);
