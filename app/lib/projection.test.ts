// The projection's estimate and margin against a hand-computed example and a simulated election whose
// true result is known.
import { describe, expect, it } from "vitest";
import { allocate, drawSample, estimate, sampleSizeFor, seededRandom, type SampledResult } from "./projection";

describe("combined ratio estimator", () => {
  it("matches a hand-computed example", () => {
    // Stratum A: N=4, two reported TPS (candidate 1 has 60 of 100 and 30 of 50 valid votes).
    // Stratum B: N=2, both reported (20 of 80, 40 of 120): fully enumerated, no sampling variance.
    // Ŷ = 4/2·90 + 2/2·60 = 240, X̂ = 4/2·150 + 2/2·200 = 500, R = 0.48.
    // Residuals in A: 60-48 = 12, 30-24 = 6, s² = 18; V = 4²·(1-2/4)·18/2 / 500² = 72/250000 = 0.000288.
    // Margin = 1.959964 · √0.000288 = 0.033262.
    const results: SampledResult[] = [
      { stratum: "A", votes: { "1": 60, "2": 40 } },
      { stratum: "A", votes: { "1": 30, "2": 20 } },
      { stratum: "B", votes: { "1": 20, "2": 60 } },
      { stratum: "B", votes: { "1": 40, "2": 80 } },
    ];
    const p = estimate({ strataSizes: { A: 4, B: 2 }, sampleSizes: { A: 2, B: 2 }, results, candidates: ["1", "2"] });
    expect(p.reported).toBe(4);
    expect(p.candidates[0].estimate).toBeCloseTo(0.48, 10);
    expect(p.candidates[0].margin).toBeCloseTo(0.033262, 5);
    expect(p.candidates[1].estimate).toBeCloseTo(0.52, 10);
    // With two candidates the residuals mirror each other: the same margin.
    expect(p.candidates[1].margin).toBeCloseTo(0.033262, 5);
  });

  it("gives no estimate before any sampled TPS reported", () => {
    const p = estimate({ strataSizes: { A: 4 }, sampleSizes: { A: 2 }, results: [], candidates: ["1"] });
    expect(p).toMatchObject({ reported: 0, sampleSize: 2, candidates: [{ number: "1", estimate: 0, margin: 0 }] });
  });
});

describe("sample design", () => {
  it("computes the size from a target margin, with the finite population correction", () => {
    // n0 = 1.959964² · 0.25 · (1/250 + 0.05) / 0.02² = 129.66; n = 129.66 / (1 + 129.66/635) = 107.7 -> 108.
    expect(sampleSizeFor({ margin: 0.02, population: 635, meanVoters: 250 })).toBe(108);
    expect(sampleSizeFor({ margin: 0.001, population: 635, meanVoters: 250 })).toBeLessThanOrEqual(635);
  });

  it("allocates proportionally with at least two per stratum and draws reproducibly", () => {
    expect(allocate({ a: 50, b: 30, c: 20 }, 10)).toEqual({ a: 5, b: 3, c: 2 });
    expect(allocate({ a: 98, b: 2 }, 10)).toEqual({ a: 10, b: 2 });
    const units = Array.from({ length: 100 }, (_, i) => ({
      code: `T${String(i).padStart(3, "0")}`,
      stratum: i < 60 ? "x" : "y",
    }));
    const one = drawSample(units, 20, 42);
    expect(one).toEqual(drawSample(units, 20, 42));
    expect(one.filter((u) => u.stratum === "x")).toHaveLength(12);
    expect(new Set(one.map((u) => u.code)).size).toBe(20);
    expect(drawSample(units, 20, 43)).not.toEqual(one);
  });
});

describe("a simulated election with a known result", () => {
  // 635 TPS in 8 kecamatan; each kecamatan leans differently, each TPS varies around its lean.
  const rnd = seededRandom(2026);
  const population = Array.from({ length: 635 }, (_, i) => {
    const stratum = `k${i % 8}`;
    const lean = 0.3 + 0.05 * (i % 8);
    const share1 = Math.min(0.95, Math.max(0.05, lean + (rnd() - 0.5) * 0.3));
    const share2 = (1 - share1) * (0.4 + rnd() * 0.3);
    const valid = 150 + Math.floor(rnd() * 400);
    const v1 = Math.round(valid * share1);
    const v2 = Math.round(valid * share2);
    return { code: `T${String(i).padStart(3, "0")}`, stratum, votes: { "1": v1, "2": v2, "3": valid - v1 - v2 } };
  });
  const candidates = ["1", "2", "3"];
  const sum = (c: string) => population.reduce((s, t) => s + t.votes[c as "1"], 0);
  const allValid = candidates.reduce((s, c) => s + sum(c), 0);
  const truth = Object.fromEntries(candidates.map((c) => [c, sum(c) / allValid]));
  const strataSizes: Record<string, number> = {};
  for (const t of population) strataSizes[t.stratum] = (strataSizes[t.stratum] ?? 0) + 1;

  const project = (seed: number, n: number) => {
    const sample = drawSample(population, n, seed);
    const codes = new Set(sample.map((s) => s.code));
    const sampleSizes: Record<string, number> = {};
    for (const s of sample) sampleSizes[s.stratum] = (sampleSizes[s.stratum] ?? 0) + 1;
    return estimate({ strataSizes, sampleSizes, candidates, results: population.filter((t) => codes.has(t.code)) });
  };

  it("estimates the true shares within the margin in about 95% of draws", () => {
    let covered = 0;
    let trials = 0;
    for (let seed = 1; seed <= 300; seed++) {
      const p = project(seed, 120);
      for (const c of p.candidates) {
        trials++;
        if (Math.abs(c.estimate - truth[c.number]) <= c.margin) covered++;
      }
    }
    const coverage = covered / trials;
    expect(coverage).toBeGreaterThan(0.91);
    expect(coverage).toBeLessThan(0.99);
  });

  it("a full census gives the truth with no margin, and a bigger sample a smaller margin", () => {
    const census = project(7, 635);
    for (const c of census.candidates) {
      expect(c.estimate).toBeCloseTo(truth[c.number], 12);
      expect(c.margin).toBeCloseTo(0, 12);
    }
    expect(project(7, 300).candidates[0].margin).toBeLessThan(project(7, 60).candidates[0].margin);
  });
});
