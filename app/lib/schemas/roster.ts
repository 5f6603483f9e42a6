// The roster's change of person (POST /api/v1/officers, the roster page's forms): a reserve put in for a TPS's
// officer, or an officer moved to another TPS. One schema and one reading for the API and the form.
import { z } from "zod";
import { normalizePhone } from "../phone";
import { problem, type FieldProblem } from "../problems";
import { fieldProblems } from "./index";
import { text, tpsCode } from "./atoms";

export const OfficerChangeBody = z.discriminatedUnion("action", [
  z.object({
    action: z.literal("replace"),
    tpsCode,
    name: text(120).min(1),
    phone: text(30).optional(),
    reason: text(500).min(1),
  }),
  z.object({
    action: z.literal("move"),
    tpsCode,
    to: tpsCode,
    reason: text(500).min(1),
  }),
]);

export type OfficerChange =
  | { action: "replace"; tpsCode: string; name: string; phone: string | null; reason: string }
  | { action: "move"; tpsCode: string; to: string; reason: string };

const KEYS = {
  name: "roster.badName",
  reason: "roster.badReason",
  to: "roster.badTps",
  phone: "roster.badPhone",
} as const;

/** The change as sent, with the phone written as +62...; a 422 naming each field otherwise. */
export function readOfficerChange(raw: unknown): OfficerChange {
  const parsed = OfficerChangeBody.safeParse(raw);
  if (!parsed.success) {
    const fields: FieldProblem[] = fieldProblems(parsed.error).map((f) =>
      f.field in KEYS ? { ...f, key: KEYS[f.field as keyof typeof KEYS] } : f,
    );
    throw problem.invalidFields(fields);
  }
  const body = parsed.data;
  if (body.action === "move") return body;
  const phone = body.phone ? normalizePhone(body.phone) : null;
  if (body.phone && !phone) throw problem.invalidField("phone", "phone", undefined, KEYS.phone);
  return { ...body, phone };
}
