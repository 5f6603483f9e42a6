// What admins send: staff accounts and contests with their candidates.
import { z } from "zod";
import { ballotStructure, CONTEST_TYPES } from "../contests";
import { readTpsCode } from "../tps-code";
import { REGION_CODE, string, wholeNumber } from "./atoms";

export const STAFF_ROLES = ["supervisor", "operator", "responder", "admin", "case_officer"] as const;

export const StaffBody = z
  .object({
    // TPS codes are the officers' logins: a staff account may not take anything the login reads as one.
    login: string()
      .trim()
      .toLowerCase()
      .regex(/^[a-z0-9][a-z0-9._-]{2,39}$/)
      .refine((l) => readTpsCode(l) === null),
    name: string().trim().min(2).max(120),
    role: z.enum(STAFF_ROLES),
    regionCode: string()
      .trim()
      .max(20)
      .optional()
      .transform((v) => v || null),
    phone: string()
      .trim()
      .max(20)
      .regex(/^(\+?[0-9 -]{6,20})?$/)
      .optional()
      .transform((v) => v || null),
  })
  // Supervisors and case officers watch a region; without one they would see nothing.
  .refine((b) => (b.role !== "supervisor" && b.role !== "case_officer") || b.regionCode, {
    message: "supervisors need an area",
    path: ["regionCode"],
  });
export type StaffBody = z.infer<typeof StaffBody>;

export const ContestBody = z
  .object({
    code: string()
      .trim()
      .toLowerCase()
      .regex(/^[a-z0-9_-]{2,40}$/),
    name: string().trim().min(2).max(120),
    position: wholeNumber(0, 99),
    type: z.enum(CONTEST_TYPES).default("walikota"),
    /** The electoral district's name (legislative contests); empty = none. */
    dapil: string()
      .trim()
      .max(200)
      .optional()
      .transform((v) => v || null),
    /** Region codes whose TPS vote in the contest; empty = every TPS of the election. */
    area: z.array(string().regex(REGION_CODE)).max(600).default([]),
    /** Pairs or DPD candidates (party 0), or the party lists' candidates numbered within their party. */
    candidates: z
      .array(
        z.object({
          party: wholeNumber(0, 99).default(0),
          number: wholeNumber(1, 99),
          name: string().trim().min(2).max(200),
        }),
      )
      .min(1)
      .max(2000)
      .refine((list) => new Set(list.map((c) => `${c.party}/${c.number}`)).size === list.length, {
        message: "duplicate",
      }),
  })
  // A party-list ballot names each candidate's party; pairs and DPD candidates have none.
  .superRefine((body, ctx) => {
    const partyList = ballotStructure(body.type) === "parties";
    body.candidates.forEach((c, i) => {
      if (partyList ? c.party === 0 : c.party !== 0)
        ctx.addIssue({
          code: "custom",
          path: ["candidates", i, "party"],
          message: partyList ? "party_needed" : "no_party",
        });
    });
  });
export type ContestBody = z.infer<typeof ContestBody>;
