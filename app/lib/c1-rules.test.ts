import { describe, expect, it } from "vitest";
import { ballotsExpected, c1Context, checkC1, decideC1, ISSUE_CODES, tierOf } from "./c1-rules";
import { issueMessage } from "~/lib/messages/quick-count";
import { CASE_TPS, completeForm, type FormBody } from "../../tests/support/c1-cases";

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

// The complete C.Hasil (sections I-V) for a TPS with DPT 300 (150 men, 150 women), DPTb 4, DPK 2.
const formCtx = (contest: Parameters<typeof c1Context>[0], extra: Partial<Parameters<typeof c1Context>[1]> = {}) =>
  c1Context(contest, { ...CASE_TPS, ...extra });
const walikota = { type: "walikota" as const, candidates: pairs, parties: [] };
const good3 = { "1": 100, "2": 80, "3": 40 };
const formWith = (change: (f: FormBody) => void) => ({ form: completeForm(good3, 6, change) });
const warningsOf = (entry: Parameters<typeof checkC1>[0], c = formCtx(walikota)) => {
  const r = checkC1(entry, c);
  expect(r.errors).toEqual([]);
  return r.warnings.map((w) => `${w.field}:${w.code}:${w.tier}`);
};

describe("C1 tier 2 (inconsistent): every relationship printed on the C.Hasil", () => {
  it("accepts a complete form where everything adds up, storing section IV and the form", () => {
    const r = checkC1({ form: completeForm(good3, 6) }, formCtx(walikota));
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r.numbers).toMatchObject({ votes: good3, invalid: 6, ballotsUsed: 226, completeness: "complete" });
  });

  it("men + women = total on every row (I.A, I.B.1-4, III), naming the row's box", () => {
    expect(
      warningsOf(
        formWith((f) => {
          f.voters.dptbUsed.total = 5;
          f.disabled.total = 2;
        }),
      ),
    ).toEqual([
      "form.voters.dptbUsed.total:row_sum:inconsistent",
      "form.disabled.total:row_sum:inconsistent",
      "form.voters.used.total:voters_sum:inconsistent",
    ]);
    const r = checkC1(
      formWith((f) => {
        f.disabled.total = 2;
      }),
      formCtx(walikota),
    );
    expect(issueMessage("id", r.warnings[0])).toBe("III: laki-laki 1 + perempuan 0 = 1, tetapi jumlahnya tertulis 2.");
    expect(issueMessage("en", r.warnings[0])).toBe("III: men 1 + women 0 = 1, but the total says 2.");
  });

  it("B.4 = B.1 + B.2 + B.3 per column, and B.1 never above I.A", () => {
    expect(
      warningsOf(
        formWith((f) => {
          f.voters.used = { m: 114, f: 113, total: 227 };
        }),
      ),
    ).toEqual(
      expect.arrayContaining([
        "form.voters.used.m:voters_sum:inconsistent",
        "form.voters.used.total:voters_sum:inconsistent",
      ]),
    );
    expect(
      warningsOf(
        formWith((f) => {
          f.voters.dpt = { m: 100, f: 150, total: 250 };
        }),
        formCtx(walikota, { dpt: 250, dptMen: 100, dptWomen: 150 }),
      ),
    ).toEqual(expect.arrayContaining(["form.voters.dptUsed.m:dpt_voters_exceed:inconsistent"]));
  });

  it("I.A = the DPT on record, by sex when the register has it", () => {
    expect(
      warningsOf(
        formWith((f) => {
          f.voters.dpt = { m: 160, f: 150, total: 310 };
        }),
      ),
    ).toEqual(["form.voters.dpt.total:dpt_mismatch:inconsistent", "form.voters.dpt.m:dpt_mismatch:inconsistent"]);
  });

  it("II.1 = II.2 + II.3 + II.4, II.1 = DPT + 2% rounded up, II.2 <= II.1 and II.2 = B.4", () => {
    expect(warningsOf(formWith((f) => (f.ballots.damaged = 3)))).toEqual([
      "form.ballots.received:ballots_sum:inconsistent",
    ]);
    expect(
      warningsOf(
        formWith((f) => {
          f.ballots.received = 310;
          f.ballots.unused = 82;
        }),
      ),
    ).toEqual(["form.ballots.received:received_mismatch:inconsistent"]);
    expect(
      warningsOf(
        formWith((f) => {
          f.ballots.used = 310;
          f.ballots.unused = 0;
          f.ballots.damaged = 0;
          f.ballots.received = 310;
        }),
      ),
    ).toEqual([
      "form.ballots.received:received_mismatch:inconsistent",
      "form.ballots.used:ballots_used_mismatch:inconsistent",
    ]);
    expect(
      warningsOf(
        formWith((f) => {
          f.ballots.used = 310;
          f.ballots.unused = 0;
        }),
      ),
    ).toEqual(expect.arrayContaining(["form.ballots.used:exceeds_ballots:inconsistent"]));
  });

  it("III <= B.4", () => {
    expect(
      warningsOf(
        formWith((f) => {
          f.disabled = { m: 150, f: 100, total: 250 };
        }),
      ),
    ).toEqual(["form.disabled.total:disabled_exceeds:inconsistent"]);
  });

  it("Σ IV = V.A, V.A + V.B = V.C, V.C = B.4", () => {
    expect(warningsOf(formWith((f) => (f.valid = 221)))).toEqual([
      "form.valid:sum_mismatch:inconsistent",
      "form.total:total_mismatch:inconsistent",
    ]);
    expect(warningsOf(formWith((f) => (f.total = 227)))).toEqual([
      "form.total:total_mismatch:inconsistent",
      "form.total:voters_mismatch:inconsistent",
    ]);
  });

  it("a quick entry beside the form must say the same", () => {
    const r = checkC1({ ...formWith(() => {}), votes: { "1": 101 }, invalid: 6 }, formCtx(walikota));
    expect(codes(r.errors)).toEqual(["votes.1:form_mismatch"]);
    expect(r.errors[0].tier).toBe("invalid");
    // A choice the ballot does not have is unknown, beside the form as on its own.
    const unknown = checkC1({ ...formWith(() => {}), votes: { "9": 1 } }, formCtx(walikota));
    expect(codes(unknown.errors)).toEqual(["votes.9:unknown_candidate"]);
  });

  it("needs the officer's confirmation, not just a reason, when the form is inconsistent", () => {
    const entry = formWith((f) => (f.total = 227));
    expect(codes(decideC1(entry, formCtx(walikota)).refusal)).toEqual([
      "justification:confirmation_required",
      "form.total:total_mismatch",
      "form.total:voters_mismatch",
    ]);
    const confirmed = decideC1({ ...entry, justification: "sesuai C.Hasil" }, formCtx(walikota));
    expect(confirmed.errors).toEqual([]);
    expect(confirmed.status).toBe("flagged");
  });
});

describe("C1 ballot structures", () => {
  const single = { type: "bupati" as const, candidates: [{ number: 1, name: "Tunggal" }], parties: [] };
  const dpd = { type: "dpd" as const, candidates: pairs, parties: [] };
  const dprd = {
    type: "dprd_kabkota" as const,
    candidates: [],
    parties: [1, 2].map((number) => ({
      number,
      name: `Partai ${number}`,
      abbrev: `P${number}`,
      candidates: [1, 2].map((n) => ({ number: n, name: `Caleg ${n}` })),
    })),
  };

  it("a single pair has the blank column (choice 0) as a required choice of its own", () => {
    expect(codes(checkC1({ votes: { "1": 200 }, invalid: 6 }, formCtx(single)).errors)).toEqual(["votes.0:required"]);
    expect(checkC1({ votes: { "1": 150, "0": 70 }, invalid: 6 }, formCtx(single)).warnings).toEqual([]);
    const blank = checkC1({ votes: { "1": 0, "0": 220 }, invalid: 6 }, formCtx(single));
    expect(codes(blank.warnings)).toEqual(["votes.0:unanimous_blank"]);
    expect(issueMessage("id", blank.warnings[0])).toBe("Kolom kosong mendapat 100% suara sah.");
    expect(issueMessage("en", blank.warnings[0])).toBe("The blank column has 100% of the valid votes.");
  });

  it("DPD takes one number per candidate", () => {
    expect(checkC1({ votes: good3, invalid: 6 }, formCtx(dpd)).warnings).toEqual([]);
    expect(codes(checkC1({ votes: { ...good3, "4": 1 }, invalid: 6 }, formCtx(dpd)).errors)).toEqual([
      "votes.4:unknown_candidate",
    ]);
  });

  it("a party list takes party totals quick, and party-only + each candidate + total complete", () => {
    expect(checkC1({ votes: { "1": 120, "2": 100 }, invalid: 6 }, formCtx(dprd)).warnings).toEqual([]);
    expect(codes(checkC1({ votes: { "1": 120, "2": 100, "3": 1 }, invalid: 6 }, formCtx(dprd)).errors)).toEqual([
      "votes.3:unknown_party",
    ]);
    const party = (p: number, c1: number, c2: number, total = p + c1 + c2) => ({
      party: p,
      candidates: { "1": c1, "2": c2 },
      total,
    });
    const ok = checkC1({ form: completeForm({ "1": party(20, 60, 40), "2": party(10, 50, 40) }, 6) }, formCtx(dprd));
    expect(ok.warnings).toEqual([]);
    expect(ok.numbers?.votes).toEqual({ "1": 120, "2": 100 });
    const wrong = checkC1(
      { form: completeForm({ "1": party(20, 60, 40, 130), "2": party(10, 50, 40) }, 6) },
      formCtx(dprd),
    );
    expect(wrong.warnings.map((w) => `${w.field}:${w.code}:${w.tier}`)).toEqual([
      "form.votes.1.total:party_sum:inconsistent",
    ]);
    expect(issueMessage("id", wrong.warnings[0])).toBe(
      "Partai 1: suara partai saja + suara calonnya = 120, tetapi jumlah partai tertulis 130.",
    );
    const missing = checkC1(
      { form: completeForm({ "1": { party: 20, candidates: { "1": 60 }, total: 80 }, "2": party(10, 50, 40) }, 6) },
      formCtx(dprd),
    );
    expect(codes(missing.errors)).toEqual(["form.votes.1.candidates.2:required"]);
  });
});

describe("C1 tier 3 (unusual) across ballots", () => {
  it("warns when two ballots of one TPS differ by more voters than DPTb + DPK", () => {
    const other = (voters: number) => c1Context(walikota, CASE_TPS, null, [{ contest: "gubernur", voters }]);
    expect(checkC1({ votes: good3, invalid: 6 }, other(232)).warnings).toEqual([]); // 6 apart: DPTb 4 + DPK 2
    const r = checkC1({ votes: good3, invalid: 6 }, other(233));
    expect(r.warnings.map((w) => `${w.field}:${w.code}:${w.tier}`)).toEqual([
      "ballotsUsed:ballots_voters_differ:unusual",
    ]);
    expect(r.warnings[0].params).toEqual({ contest: "gubernur", voters: 226, other: 233, allowed: 6 });
  });

  it("counts invalid votes against V.C of the complete form", () => {
    const r = checkC1({ form: completeForm({ "1": 100, "2": 60, "3": 40 }, 26) }, formCtx(walikota));
    expect(r.warnings.map((w) => `${w.field}:${w.code}`)).toEqual(["form.invalid:invalid_high"]);
    expect(r.warnings[0].params).toEqual({ percent: 11.5 });
  });
});

describe("C1 codes", () => {
  it("gives every code its tier and a message in both languages with every placeholder filled", () => {
    const params = {
      max: 9999,
      number: 2,
      form: 3,
      min: 10,
      box: "I.A",
      m: 1,
      f: 2,
      sum: 3,
      total: 4,
      used: 5,
      dpt: 6,
      given: 7,
      expected: 8,
      received: 9,
      voters: 10,
      disabled: 11,
      party: 1,
      contest: "gubernur",
      other: 12,
      allowed: 6,
      valid: 13,
      ballotsUsed: 14,
      capacity: 15,
      percent: 16,
      before: 17,
      after: 18,
    };
    for (const [tier, list] of Object.entries(ISSUE_CODES)) {
      for (const code of list) {
        expect(tierOf(code)).toBe(tier);
        for (const lang of ["id", "en"] as const) {
          const text = issueMessage(lang, { field: "x", code, tier: tierOf(code), params });
          expect(text, `${code} in ${lang}`).not.toMatch(/^c1\.|\{\w+\}/);
        }
      }
    }
  });
});
