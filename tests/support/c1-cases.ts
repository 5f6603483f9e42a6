// One table of C.Hasil numbers and the verdict every channel must give for them: the rules module as the
// browser runs it, the officer's API (quick and complete `form` bodies), the posko's blind double entry and
// SMS. tests/c1-channels.test.ts runs each case through each channel; same numbers, same verdict.
//
// Every case is sent for a TPS of its own whose register is the one below, so that "expected" numbers
// (ballots received = DPT + 2% reserve, turnout) are the same everywhere.
import { rebuildTotalsNow } from "~/models/region-totals.server";
import type { Sql } from "postgres";

/** The register of every case's TPS: DPT 300 (150 men, 150 women), DPTb 4, DPK 2; ballots 300 + 6 = 306. */
export const CASE_TPS = { dpt: 300, dptMen: 150, dptWomen: 150, dptb: 4, dpk: 2 } as const;

/** Contests the cases need beside the demo's walikota (three pairs over the city). */
export const CASE_CONTESTS = {
  /** A single pair: the blank column (kolom kosong, choice 0) is a choice of its own. */
  single: "walikota_tunggal",
  /** DPD: individual candidates. */
  dpd: "dpd_sumsel",
  /** A DPRD dapil covering the city: parties 1 and 2 with two candidates each. */
  party: "dprd_kota_1",
  /** A DPRD dapil of one kecamatan (`outsideKecamatan`), which the cases' TPS are not in. */
  elsewhere: "dprd_kota_9",
} as const;

type Contest = (typeof CASE_CONTESTS)[keyof typeof CASE_CONTESTS] | "walikota";

/** Adds the cases' contests to a test database; answers the kecamatan whose TPS must not be used. */
export async function installCaseContests(sql: Sql): Promise<{ outsideKecamatan: string }> {
  const [{ code: outsideKecamatan }] = await sql<{ code: string }[]>`
    select code from regions where level = 'kecamatan' and code like '16.73.%' order by code desc limit 1`;
  await sql`insert into parties (number, name, abbrev) values (1, 'Partai Satu', 'P1'), (2, 'Partai Dua', 'P2')
    on conflict (number) do nothing`;
  const contests = [
    { code: CASE_CONTESTS.single, name: "Wali Kota (calon tunggal)", type: "walikota", dapil: null, area: "16.73" },
    { code: CASE_CONTESTS.dpd, name: "DPD Sumatera Selatan", type: "dpd", dapil: null, area: "16" },
    { code: CASE_CONTESTS.party, name: "DPRD Kota, dapil 1", type: "dprd_kabkota", dapil: "Kota 1", area: "16.73" },
    {
      code: CASE_CONTESTS.elsewhere,
      name: "DPRD Kota, dapil 9",
      type: "dprd_kabkota",
      dapil: "Kota 9",
      area: outsideKecamatan,
    },
  ];
  for (const [i, c] of contests.entries()) {
    await sql`insert into contests (code, name, position, type, dapil) values (${c.code}, ${c.name}, ${10 + i}, ${c.type}, ${c.dapil})`;
    await sql`insert into contest_areas (contest_code, region_code) values (${c.code}, ${c.area})`;
  }
  const candidates = [
    [CASE_CONTESTS.single, 0, 1, "Calon Tunggal & Wakil"],
    [CASE_CONTESTS.dpd, 0, 1, "DPD Satu"],
    [CASE_CONTESTS.dpd, 0, 2, "DPD Dua"],
    [CASE_CONTESTS.dpd, 0, 3, "DPD Tiga"],
    ...[CASE_CONTESTS.party, CASE_CONTESTS.elsewhere].flatMap((contest) =>
      [1, 2].flatMap((party) => [1, 2].map((n) => [contest, party, n, `Caleg ${party}.${n}`])),
    ),
  ] as const;
  for (const [contest, party, number, name] of candidates) {
    await sql`insert into candidates (contest_code, party_number, ballot_number, name)
      values (${contest}, ${party}, ${number}, ${name})`;
  }
  // As an admin's import does: the running totals count the new contests' TPS.
  await rebuildTotalsNow(sql);
  return { outsideKecamatan };
}

type Row = { m: number; f: number; total: number };
/** A complete C.Hasil body (the API's `form`); section IV per pair/candidate or per party. */
export interface FormBody {
  voters: { dpt: Row; dptUsed: Row; dptbUsed: Row; dpkUsed: Row; used: Row };
  ballots: { received: number; used: number; damaged: number; unused: number };
  disabled: Row;
  votes: Record<string, number | { party: number; candidates: Record<string, number>; total: number }>;
  valid: number;
  invalid: number;
  total: number;
}

const row = (m: number, f: number): Row => ({ m, f, total: m + f });

/**
 * A C.Hasil whose every printed relationship holds for CASE_TPS: section IV as given, DPTb 4 and DPK 2
 * voters, two damaged ballots. `change` then writes the mistake a case is about, as it would be on paper.
 */
export function completeForm(
  votes: FormBody["votes"],
  invalid: number,
  change: (form: FormBody) => void = () => {},
): FormBody {
  const valid = Object.values(votes).reduce<number>((a, v) => a + (typeof v === "number" ? v : v.total), 0);
  const voters = valid + invalid;
  const fromDpt = voters - 6;
  const dptUsed = row(Math.floor(fromDpt / 2), fromDpt - Math.floor(fromDpt / 2));
  const form: FormBody = {
    voters: {
      dpt: row(CASE_TPS.dptMen, CASE_TPS.dptWomen),
      dptUsed,
      dptbUsed: row(2, 2),
      dpkUsed: row(1, 1),
      used: row(dptUsed.m + 3, dptUsed.f + 3),
    },
    ballots: { received: 306, used: voters, damaged: 2, unused: 306 - voters - 2 },
    disabled: row(1, 0),
    votes,
    valid,
    invalid,
    total: voters,
  };
  change(form);
  return form;
}

const party = (partyOnly: number, c1: number, c2: number, total = partyOnly + c1 + c2) => ({
  party: partyOnly,
  candidates: { "1": c1, "2": c2 },
  total,
});

export type Verdict = "accepted" | "flagged" | "refused";

export interface C1Case {
  name: string;
  contest: Contest;
  /** What is typed: a quick entry (votes + invalid, optionally valid/ballotsUsed) or a complete form. */
  entry: {
    votes?: Record<string, number>;
    invalid?: number;
    valid?: number;
    form?: FormBody;
  };
  justification?: string;
  /** Another ballot of the same TPS, already reported before this entry (quick entry). */
  otherBallot?: { contest: Contest; votes: Record<string, number>; invalid: number };
  verdict: Verdict;
  /**
   * `field:code` in the answer's order: a refusal's errors (the missing confirmation first, then the
   * findings it is about), or an accepted entry's warnings.
   */
  codes: string[];
  /** False when an SMS cannot carry the entry (a complete form, a named choice, a version-1 total). */
  sms?: false;
}

const CONFIRMED = "sesuai C.Hasil";
const REASON = "Saksi semua calon sudah tanda tangan";

export const C1_CASES: C1Case[] = [
  {
    name: "a plain quick count of three pairs",
    contest: "walikota",
    entry: { votes: { "1": 100, "2": 80, "3": 40 }, invalid: 6 },
    verdict: "accepted",
    codes: [],
  },
  {
    name: "invalid votes misread as 802 (should be 2)",
    contest: "walikota",
    entry: { votes: { "1": 100, "2": 80, "3": 40 }, invalid: 802 },
    verdict: "refused",
    codes: [
      "justification:confirmation_required",
      "invalid:exceeds_ballots",
      "ballotsUsed:turnout_high",
      "invalid:invalid_high",
    ],
  },
  {
    name: "802 invalid votes, confirmed as written on the C.Hasil",
    contest: "walikota",
    entry: { votes: { "1": 100, "2": 80, "3": 40 }, invalid: 802 },
    justification: CONFIRMED,
    verdict: "flagged",
    codes: ["invalid:exceeds_ballots", "ballotsUsed:turnout_high", "invalid:invalid_high"],
  },
  {
    name: "one pair with every valid vote, no reason",
    contest: "walikota",
    entry: { votes: { "1": 220, "2": 0, "3": 0 }, invalid: 6 },
    verdict: "refused",
    codes: ["justification:justification_required", "votes.1:unanimous"],
  },
  {
    name: "one pair with every valid vote, with a reason",
    contest: "walikota",
    entry: { votes: { "1": 220, "2": 0, "3": 0 }, invalid: 6 },
    justification: REASON,
    verdict: "flagged",
    codes: ["votes.1:unanimous"],
  },
  {
    name: "turnout under 20% of the DPT",
    contest: "walikota",
    entry: { votes: { "1": 20, "2": 20, "3": 10 }, invalid: 1 },
    verdict: "refused",
    codes: ["justification:justification_required", "ballotsUsed:turnout_low"],
  },
  {
    name: "a number above 9999",
    contest: "walikota",
    entry: { votes: { "1": 100, "2": 80, "3": 40 }, invalid: 10000 },
    verdict: "refused",
    codes: ["invalid:too_large"],
  },
  {
    name: "a negative number",
    contest: "walikota",
    entry: { votes: { "1": -3, "2": 80, "3": 40 }, invalid: 6 },
    verdict: "refused",
    codes: ["votes.1:negative"],
    sms: false,
  },
  {
    name: "a pair left blank",
    contest: "walikota",
    entry: { votes: { "1": 100, "2": 80 }, invalid: 6 },
    verdict: "refused",
    codes: ["votes.3:required"],
    sms: false,
  },
  {
    name: "a candidate number not on the ballot",
    contest: "walikota",
    entry: { votes: { "1": 100, "2": 80, "3": 40, "9": 5 }, invalid: 6 },
    verdict: "refused",
    codes: ["votes.9:unknown_candidate"],
    sms: false,
  },
  {
    name: "valid votes that are not the sum of the pairs' (version 1 body)",
    contest: "walikota",
    entry: { votes: { "1": 100, "2": 80, "3": 40 }, invalid: 6, valid: 230 },
    verdict: "refused",
    codes: ["justification:confirmation_required", "valid:sum_mismatch"],
    sms: false,
  },
  {
    name: "a single pair and the blank column",
    contest: CASE_CONTESTS.single,
    entry: { votes: { "1": 150, "0": 70 }, invalid: 6 },
    verdict: "accepted",
    codes: [],
  },
  {
    name: "the blank column with every valid vote",
    contest: CASE_CONTESTS.single,
    entry: { votes: { "1": 0, "0": 220 }, invalid: 6 },
    verdict: "refused",
    codes: ["justification:justification_required", "votes.0:unanimous_blank"],
  },
  {
    name: "a single pair without the blank column",
    contest: CASE_CONTESTS.single,
    entry: { votes: { "1": 220 }, invalid: 6 },
    verdict: "refused",
    codes: ["votes.0:required"],
    sms: false,
  },
  {
    name: "DPD candidates",
    contest: CASE_CONTESTS.dpd,
    entry: { votes: { "1": 100, "2": 80, "3": 40 }, invalid: 6 },
    verdict: "accepted",
    codes: [],
  },
  {
    name: "party totals of a DPRD ballot",
    contest: CASE_CONTESTS.party,
    entry: { votes: { "1": 120, "2": 100 }, invalid: 6 },
    verdict: "accepted",
    codes: [],
  },
  {
    name: "a party not on the DPRD ballot",
    contest: CASE_CONTESTS.party,
    entry: { votes: { "1": 120, "2": 100, "7": 5 }, invalid: 6 },
    verdict: "refused",
    codes: ["votes.7:unknown_party"],
    sms: false,
  },
  {
    name: "the DPD ballot with 50 voters more than the walikota ballot of the same TPS (DPTb + DPK is 6)",
    contest: CASE_CONTESTS.dpd,
    otherBallot: { contest: "walikota", votes: { "1": 100, "2": 80, "3": 40 }, invalid: 6 },
    entry: { votes: { "1": 150, "2": 80, "3": 40 }, invalid: 6 },
    verdict: "refused",
    codes: ["justification:justification_required", "ballotsUsed:ballots_voters_differ"],
  },
  {
    name: "a TPS outside the contest's area",
    contest: CASE_CONTESTS.elsewhere,
    entry: { votes: { "1": 120, "2": 100 }, invalid: 6 },
    verdict: "refused",
    codes: ["contest:contest_not_here"],
  },
  {
    name: "a complete C.Hasil where everything adds up",
    contest: "walikota",
    entry: { form: completeForm({ "1": 100, "2": 80, "3": 40 }, 6) },
    verdict: "accepted",
    codes: [],
    sms: false,
  },
  {
    name: "a complete C.Hasil whose DPT total is not men + women (and women differ from the register)",
    contest: "walikota",
    entry: {
      form: completeForm({ "1": 100, "2": 80, "3": 40 }, 6, (f) => {
        f.voters.dpt.f = 140;
      }),
    },
    verdict: "refused",
    codes: ["justification:confirmation_required", "form.voters.dpt.total:row_sum", "form.voters.dpt.f:dpt_mismatch"],
    sms: false,
  },
  {
    name: "the same C.Hasil, confirmed as written",
    contest: "walikota",
    entry: {
      form: completeForm({ "1": 100, "2": 80, "3": 40 }, 6, (f) => {
        f.voters.dpt.f = 140;
      }),
    },
    justification: CONFIRMED,
    verdict: "flagged",
    codes: ["form.voters.dpt.total:row_sum", "form.voters.dpt.f:dpt_mismatch"],
    sms: false,
  },
  {
    name: "a complete C.Hasil with invalid votes misread as 802",
    contest: "walikota",
    entry: {
      form: completeForm({ "1": 100, "2": 80, "3": 40 }, 2, (f) => {
        f.invalid = 802;
      }),
    },
    verdict: "refused",
    codes: ["justification:confirmation_required", "form.total:total_mismatch", "form.invalid:invalid_high"],
    sms: false,
  },
  {
    name: "a complete DPRD C.Hasil whose party total does not add up",
    contest: CASE_CONTESTS.party,
    entry: {
      // Party 1 is 20 + 60 + 40 = 120 but its total reads 130; the rest of the form follows the written 130.
      form: completeForm({ "1": party(20, 60, 40, 130), "2": party(10, 50, 40) }, 6),
    },
    verdict: "refused",
    codes: ["justification:confirmation_required", "form.votes.1.total:party_sum"],
    sms: false,
  },
  {
    name: "a complete DPRD C.Hasil with a candidate not on the party's list",
    contest: CASE_CONTESTS.party,
    entry: {
      form: completeForm({ "1": party(20, 60, 40), "2": party(10, 50, 40) }, 6, (f) => {
        (f.votes["2"] as { candidates: Record<string, number> }).candidates["5"] = 0;
      }),
    },
    verdict: "refused",
    codes: ["form.votes.2.candidates.5:unknown_candidate"],
    sms: false,
  },
];
