// What a user sends to replace their own secret (the first admin's one-time secret): server-only.
import { z } from "zod";

export const MIN_OWN_SECRET = 12;

export const ChangeSecretBody = z.object({
  current: z.string().min(1).max(200),
  secret: z.string().max(200),
  confirm: z.string().max(200),
});
export type ChangeSecretBody = z.infer<typeof ChangeSecretBody>;
