// Statistical quick-count projection: a stratified random sample of TPS and the
// combined ratio estimator of each candidate's share, with a 95% margin of error. Pure functions, used by
// the server (public summary, dashboard) and by the unit tests.
//
// Design: strata are kecamatan; inside a stratum h (N_h TPS) a simple random sample of n_h TPS is drawn
// without replacement; n_h is proportional to N_h (largest remainder), at least 2 where N_h >= 2.
//
// Estimator (Cochran, Sampling Techniques, 3rd ed., 6.11 "combined ratio estimate"): for the n_h sampled
// TPS of stratum h that have reported, y_hi = votes of the candidate, x_hi = valid votes. Weights
// w_h = N_h / n_h. The share is
//     R = Σ_h w_h Σ_i y_hi  /  Σ_h w_h Σ_i x_hi  =  Ŷ / X̂
// and its linearised variance, with residuals e_hi = y_hi - R·x_hi and their sample variance s²_eh
// (divisor n_h - 1) in each stratum,
//     V(R) = (1 / X̂²) · Σ_h N_h² · (1 - n_h/N_h) · s²_eh / n_h
// The 95% margin is 1.96 · √V(R). Non-response: a sampled TPS that has not reported is left out, and
// n_h counts only the reported ones (missing at random within the stratum). A stratum with one reported
// TPS takes the pooled residual variance of the others; a stratum with none adds nothing (the estimate
// then says so via `strataReported`).
//
// Sample size for a target margin E (worst case share p = 0.5), TPS as clusters of m̄ voters with
// intra-cluster correlation ρ (default 0.05, a cautious value for voting data):
//     n0 = z² · p(1-p) · (1/m̄ + ρ) / E²,   n = n0 / (1 + n0/N)   (finite population correction)

import { seededRandom } from "./random";

export const Z95 = 1.959964;

export interface SampleUnit {
  code: string;
  stratum: string;
}

/** mulberry32 (the demo generator's PRNG): the same seed draws the same sample, so a draw can be reproduced and audited. */
export { seededRandom } from "./random";

/** Sample size for a target margin of error (as a fraction, e.g. 0.02 for ±2 points). */
export function sampleSizeFor({
  margin,
  population,
  meanVoters,
  icc = 0.05,
  p = 0.5,
}: {
  margin: number;
  population: number;
  meanVoters: number;
  icc?: number;
  p?: number;
}): number {
  if (!(margin > 0) || population <= 0) return 0;
  const n0 = (Z95 ** 2 * p * (1 - p) * (1 / Math.max(1, meanVoters) + icc)) / margin ** 2;
  return Math.min(population, Math.ceil(n0 / (1 + n0 / population)));
}

/** Proportional allocation of n over strata (largest remainder), at least 2 per stratum where possible. */
export function allocate(sizes: Record<string, number>, n: number): Record<string, number> {
  const total = Object.values(sizes).reduce((a, b) => a + b, 0);
  const keys = Object.keys(sizes).sort();
  const out: Record<string, number> = {};
  if (total === 0) return out;
  const target = Math.min(n, total);
  const exact = keys.map((k) => ({ k, q: (target * sizes[k]) / total }));
  for (const { k, q } of exact) out[k] = Math.floor(q);
  let left = target - Object.values(out).reduce((a, b) => a + b, 0);
  for (const { k } of [...exact].sort(
    (a, b) => b.q - Math.floor(b.q) - (a.q - Math.floor(a.q)) || a.k.localeCompare(b.k),
  )) {
    if (left <= 0) break;
    out[k] += 1;
    left -= 1;
  }
  for (const k of keys) out[k] = Math.min(sizes[k], Math.max(out[k], Math.min(2, sizes[k])));
  return out;
}

/** Draws a stratified simple random sample (partial Fisher-Yates per stratum). */
export function drawSample<T extends SampleUnit>(units: T[], n: number, seed: number): T[] {
  const strata = new Map<string, T[]>();
  for (const u of [...units].sort((a, b) => a.code.localeCompare(b.code))) {
    if (!strata.has(u.stratum)) strata.set(u.stratum, []);
    strata.get(u.stratum)!.push(u);
  }
  const sizes = Object.fromEntries([...strata].map(([k, list]) => [k, list.length]));
  const counts = allocate(sizes, n);
  const rnd = seededRandom(seed);
  const out: T[] = [];
  for (const key of [...strata.keys()].sort()) {
    const list = [...strata.get(key)!];
    const take = counts[key] ?? 0;
    for (let i = 0; i < take; i++) {
      const j = i + Math.floor(rnd() * (list.length - i));
      [list[i], list[j]] = [list[j], list[i]];
    }
    out.push(...list.slice(0, take));
  }
  return out;
}

export interface SampledResult {
  stratum: string;
  /** Candidate votes by ballot number. */
  votes: Record<string, number>;
}

export interface CandidateEstimate {
  number: string;
  estimate: number;
  margin: number;
}

export interface Projection {
  /** Sampled TPS that reported / drawn. */
  reported: number;
  sampleSize: number;
  strataReported: number;
  strata: number;
  candidates: CandidateEstimate[];
}

/**
 * The combined ratio estimate of each candidate's share of valid votes, with its 95% margin.
 * strataSizes: N_h (all TPS per stratum); sampleSizes: TPS drawn per stratum; results: reported sampled TPS.
 */
export function estimate({
  strataSizes,
  sampleSizes,
  results,
  candidates,
}: {
  strataSizes: Record<string, number>;
  sampleSizes: Record<string, number>;
  results: SampledResult[];
  candidates: string[];
}): Projection {
  const byStratum = new Map<string, SampledResult[]>();
  for (const r of results) {
    if (!(r.stratum in strataSizes)) continue;
    if (!byStratum.has(r.stratum)) byStratum.set(r.stratum, []);
    byStratum.get(r.stratum)!.push(r);
  }
  const valid = (r: SampledResult) => candidates.reduce((s, c) => s + (r.votes[c] ?? 0), 0);
  const base = {
    reported: [...byStratum.values()].reduce((s, l) => s + l.length, 0),
    sampleSize: Object.values(sampleSizes).reduce((a, b) => a + b, 0),
    strataReported: byStratum.size,
    strata: Object.keys(sampleSizes).filter((k) => sampleSizes[k] > 0).length,
  };
  let xHat = 0;
  for (const [h, list] of byStratum) xHat += (strataSizes[h] / list.length) * list.reduce((s, r) => s + valid(r), 0);
  if (xHat <= 0) return { ...base, candidates: candidates.map((number) => ({ number, estimate: 0, margin: 0 })) };

  return {
    ...base,
    candidates: candidates.map((number) => {
      let yHat = 0;
      for (const [h, list] of byStratum)
        yHat += (strataSizes[h] / list.length) * list.reduce((s, r) => s + (r.votes[number] ?? 0), 0);
      const ratio = yHat / xHat;
      // Residual variance per stratum; strata with a single reported TPS borrow the pooled variance.
      const residualVar = new Map<string, number>();
      let pooledSum = 0;
      let pooledDf = 0;
      for (const [h, list] of byStratum) {
        if (list.length < 2) continue;
        const e = list.map((r) => (r.votes[number] ?? 0) - ratio * valid(r));
        const mean = e.reduce((a, b) => a + b, 0) / e.length;
        const ss = e.reduce((s, v) => s + (v - mean) ** 2, 0);
        residualVar.set(h, ss / (e.length - 1));
        pooledSum += ss;
        pooledDf += e.length - 1;
      }
      const pooled = pooledDf > 0 ? pooledSum / pooledDf : 0;
      let variance = 0;
      for (const [h, list] of byStratum) {
        const bigN = strataSizes[h];
        const n = list.length;
        const s2 = residualVar.get(h) ?? pooled;
        variance += (bigN ** 2 * (1 - n / bigN) * s2) / n;
      }
      variance /= xHat ** 2;
      return { number, estimate: ratio, margin: Z95 * Math.sqrt(Math.max(0, variance)) };
    }),
  };
}
