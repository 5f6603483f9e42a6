// What a user sends to replace their own secret (the first admin's one-time secret): server-only.
import { z } from "zod";
import { string } from "./atoms";

export const MIN_OWN_SECRET = 12;

export const ChangeSecretBody = z.object({
  current: string().min(1).max(200),
  secret: string().max(200),
  confirm: string().max(200),
});
export type ChangeSecretBody = z.infer<typeof ChangeSecretBody>;
