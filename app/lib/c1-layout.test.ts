import { describe, expect, it } from "vitest";
import { boxesFromQuick, flattenForm, formPaths, nestForm, quickChoiceList, quickFromForm } from "./c1-layout";
import { c1Context, checkC1 } from "./c1-rules";
import type { Contest } from "./contests";

const pairs = (n: number): Contest => ({
  code: "walikota",
  name: "Wali Kota",
  type: "walikota",
  dapil: null,
  area: ["16.73"],
  candidates: Array.from({ length: n }, (_, i) => ({ number: i + 1, name: `Pasangan ${i + 1}` })),
  parties: [],
});
const partyList: Contest = {
  code: "dprd",
  name: "DPRD",
  type: "dprd_kabkota",
  dapil: "Dapil 1",
  area: ["16.73.01"],
  candidates: [],
  parties: [
    { number: 1, name: "Partai Satu", abbrev: "PS", candidates: [{ number: 1, name: "Andi" }] },
    {
      number: 4,
      name: "Partai Empat",
      abbrev: "PE",
      candidates: [
        { number: 1, name: "Citra" },
        { number: 2, name: "Dewi" },
      ],
    },
  ],
};

describe("the boxes of the C.Hasil in printed order", () => {
  it("a single pair has the blank column as a choice of its own, after the pair", () => {
    expect(quickChoiceList(pairs(1)).map((c) => [c.number, c.kind])).toEqual([
      [1, "pair"],
      [0, "blank"],
    ]);
    expect(formPaths(pairs(1)).filter((p) => p.startsWith("form.votes"))).toEqual(["form.votes.1", "form.votes.0"]);
  });

  it("sections I to V, a party list party by party: party-only, each candidate, the party total", () => {
    const paths = formPaths(partyList);
    expect(paths.slice(0, 6)).toEqual([
      "form.voters.dpt.m",
      "form.voters.dpt.f",
      "form.voters.dpt.total",
      "form.voters.dptUsed.m",
      "form.voters.dptUsed.f",
      "form.voters.dptUsed.total",
    ]);
    expect(paths.slice(15, 22)).toEqual([
      "form.ballots.received",
      "form.ballots.used",
      "form.ballots.damaged",
      "form.ballots.unused",
      "form.disabled.m",
      "form.disabled.f",
      "form.disabled.total",
    ]);
    expect(paths.slice(22)).toEqual([
      "form.votes.1.party",
      "form.votes.1.candidates.1",
      "form.votes.1.total",
      "form.votes.4.party",
      "form.votes.4.candidates.1",
      "form.votes.4.candidates.2",
      "form.votes.4.total",
      "form.valid",
      "form.invalid",
      "form.total",
    ]);
    // Every box is a field the rules name: an empty form is "required" on exactly these fields.
    const ctx = c1Context(partyList, { dpt: 300, dptb: 0, dpk: 0 });
    const required = checkC1({ form: nestForm(Object.fromEntries(paths.map((p) => [p, ""]))) }, ctx).errors;
    expect(required.map((e) => e.field).sort()).toEqual([...paths].sort());
  });
});

describe("boxes named by path and the API's form body", () => {
  it("nest into the body the rules read, and a stored form flattens back to the same boxes", () => {
    const boxes = { "form.voters.dpt.m": "150", "form.votes.4.candidates.2": "7", "form.valid": "0" };
    expect(nestForm(boxes)).toEqual({
      voters: { dpt: { m: "150" } },
      votes: { "4": { candidates: { "2": "7" } } },
      valid: "0",
    });
    expect(flattenForm(nestForm(boxes))).toEqual(boxes);
  });

  it("ignore names the layout never makes", () => {
    expect(nestForm({ "form.__proto__.x": "1", "form.constructor": "2", "votes.1": "3", "form.a-b": "4" })).toBeNull();
  });

  it("a quick entry fills the same boxes only: section IV (party totals for a party list) and V.B", () => {
    expect(boxesFromQuick(pairs(2), { votes: { "1": 10, "2": 20 }, invalid: 3 })).toEqual({
      "form.votes.1": "10",
      "form.votes.2": "20",
      "form.invalid": "3",
    });
    expect(boxesFromQuick(partyList, { votes: { "1": 10, "4": 20 }, invalid: 3 })).toEqual({
      "form.votes.1.total": "10",
      "form.votes.4.total": "20",
      "form.invalid": "3",
    });
  });

  it("a complete form gives the quick numbers beside it", () => {
    const form = {
      voters: {
        dpt: { m: 1, f: 1, total: 2 },
        dptUsed: { m: 1, f: 1, total: 2 },
        dptbUsed: { m: 0, f: 0, total: 0 },
        dpkUsed: { m: 0, f: 0, total: 0 },
        used: { m: 1, f: 1, total: 2 },
      },
      ballots: { received: 3, used: 2, damaged: 0, unused: 1 },
      disabled: { m: 0, f: 0, total: 0 },
      votes: { "1": { party: 1, candidates: { "1": 0 }, total: 1 }, "4": { party: 0, candidates: {}, total: 1 } },
      valid: 2,
      invalid: 0,
      total: 2,
    };
    expect(quickFromForm(form)).toEqual({ votes: { "1": "1", "4": "1" }, invalid: "0" });
  });
});
