// A lookup in the voter list as the officer's phone reports it (POST /api/v1/voter-checks): never the name
// typed nor the NIK, only what kind of lookup, when, whether it matched and which rows it showed.
import { z } from "zod";
import { MAX_CHECK_ROWS } from "../voters";
import { timestamp, tpsCode, uuid } from "./atoms";

export const VoterCheckBody = z.object({
  id: uuid,
  tpsCode,
  kind: z.enum(["name", "nik"]),
  matched: z.boolean(),
  rows: z.array(z.number().int().min(1).max(9999)).max(MAX_CHECK_ROWS),
  checkedAt: timestamp,
});
export type VoterCheckBody = z.infer<typeof VoterCheckBody>;
