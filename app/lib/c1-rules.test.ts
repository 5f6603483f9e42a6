import { describe, expect, it } from "vitest";
import { ballotsExpected, c1Context, checkC1, decideC1 } from "./c1-rules";
import { issueMessage } from "~/lib/messages/quick-count";

const pairs = [1, 2, 3].map((number) => ({ number, name: `Pasangan ${number}` }));
const ctx = c1Context({ type: "walikota", candidates: pairs, parties: [] }, { dpt: 300, dptb: 5, dpk: 2 });
const good = { votes: { "1": 100, "2": 80, "3": 40 }, invalid: 6 };
const codes = (issues: { field: string; code: string }[]) => issues.map((i) => `${i.field}:${i.code}`);

describe("C1 tier 1 (invalid) and tier 2 (inconsistent) of a quick entry", () => {
  it("accepts a plausible tally without warnings", () => {
    const r = checkC1(good, ctx);
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r.validTotal).toBe(220);
  });

  it("rejects negative, fractional, non-numeric and too large numbers per field", () => {
    const r = checkC1({ votes: { "1": -1, "2": 1.5, "3": "abc" }, invalid: 10000 }, ctx);
    expect(codes(r.errors)).toEqual([
      "votes.1:negative",
      "votes.2:not_integer",
      "votes.3:not_integer",
      "invalid:too_large",
    ]);
  });

  it("requires every candidate and the invalid count", () => {
    const r = checkC1({ votes: { "1": 5 }, invalid: "" }, ctx);
    expect(codes(r.errors)).toEqual(["votes.2:required", "votes.3:required", "invalid:required"]);
  });

  it("rejects a ballot number that is not on the ballot", () => {
    const r = checkC1({ votes: { ...good.votes, "7": 3 }, invalid: 1 }, ctx);
    expect(codes(r.errors)).toEqual(["votes.7:unknown_candidate"]);
  });

  it("finds candidate votes that do not add up to the valid votes inconsistent", () => {
    const r = checkC1({ ...good, valid: 221 }, ctx);
    expect(r.errors).toEqual([]);
    expect(codes(r.warnings)).toEqual(["valid:sum_mismatch"]);
    expect(r.warnings[0]).toMatchObject({ tier: "inconsistent", params: { sum: 220, valid: 221 } });
  });

  it("finds valid + invalid that differ from ballots used inconsistent", () => {
    expect(codes(checkC1({ ...good, ballotsUsed: 225 }, ctx).warnings)).toEqual(["ballotsUsed:ballots_mismatch"]);
    expect(checkC1({ ...good, ballotsUsed: 226 }, ctx).warnings).toEqual([]);
  });

  it("finds more ballots used than DPT + the 2% reserve (DPTb and DPK are served from it) inconsistent", () => {
    expect(ballotsExpected(300)).toBe(306);
    expect(ballotsExpected(301)).toBe(308); // 2% of 301 is 6.02, rounded up
    const over = { votes: { "1": 140, "2": 150, "3": 10 }, invalid: 7 }; // 307 > 306
    expect(codes(checkC1(over, ctx).warnings)).toContain("invalid:exceeds_ballots");
    const atLimit = { votes: { "1": 140, "2": 150, "3": 10 }, invalid: 6 }; // 306
    expect(codes(checkC1(atLimit, ctx).warnings)).not.toContain("invalid:exceeds_ballots");
  });

  it("accepts numbers typed as text, as a form sends them", () => {
    expect(checkC1({ votes: { "1": "100", "2": "80", "3": "40" }, invalid: "6" }, ctx).errors).toEqual([]);
  });
});

describe("C1 warnings", () => {
  it("warns on turnout above 95% and below 20%", () => {
    const high = checkC1({ votes: { "1": 100, "2": 100, "3": 88 }, invalid: 2 }, ctx); // 290/300
    expect(codes(high.warnings)).toEqual(["ballotsUsed:turnout_high"]);
    const low = checkC1({ votes: { "1": 20, "2": 20, "3": 10 }, invalid: 1 }, ctx); // 51/300
    expect(codes(low.warnings)).toEqual(["ballotsUsed:turnout_low"]);
  });

  it("warns when one candidate has every valid vote", () => {
    expect(codes(checkC1({ votes: { "1": 200, "2": 0, "3": 0 }, invalid: 3 }, ctx).warnings)).toEqual([
      "votes.1:unanimous",
    ]);
  });

  it("warns when invalid votes are above 10% of ballots used", () => {
    expect(codes(checkC1({ votes: { "1": 100, "2": 60, "3": 20 }, invalid: 21 }, ctx).warnings)).toEqual([
      "invalid:invalid_high",
    ]);
  });

  it("warns when a number moves by more than half from the earlier revision", () => {
    const r = checkC1(good, { ...ctx, previous: { votes: { "1": 100, "2": 170, "3": 40 }, invalid: 6 } });
    expect(codes(r.warnings)).toEqual(["votes.2:large_change"]);
  });

  it("needs a justification to accept warnings, then flags the result", () => {
    const unanimous = { votes: { "1": 200, "2": 0, "3": 0 }, invalid: 3 };
    const without = decideC1(unanimous, ctx);
    expect(codes(without.errors)).toEqual(["justification:justification_required"]);
    const withReason = decideC1({ ...unanimous, justification: "Semua saksi menandatangani C1." }, ctx);
    expect(withReason.errors).toEqual([]);
    expect(withReason.status).toBe("flagged");
    expect(decideC1(good, ctx).status).toBe("submitted");
  });
});

describe("C1 messages", () => {
  it("words each issue in Bahasa Indonesia and English", () => {
    const issue = {
      field: "valid",
      code: "sum_mismatch" as const,
      tier: "inconsistent" as const,
      params: { sum: 220, valid: 221 },
    };
    expect(issueMessage("id", issue)).toBe("Jumlah suara calon (220) tidak sama dengan suara sah (221).");
    expect(issueMessage("en", issue)).toBe("Candidate votes add up to 220, not the 221 valid votes.");
  });
});
