// The name search of the voter-list check: titles, old spellings, doubled letters and a typo all find the
// voter; unrelated names do not. Speed is shown by `npm run bench:voters`, never asserted here.
import { createHmac, pbkdf2Sync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { indexVoters, nameWords, oneEditApart, searchVoters } from "./voter-search";
import { ageBand, hashNik, nikProblem, NIK_HASH_ITERATIONS, toBase64url } from "./voters";

const LIST = [
  "H. ACHMAD DJUNAEDI",
  "SITI AMINAH, S.Pd",
  "TJAHJONO",
  "Hj. SOEHARTI",
  "CHAIRUL ANWAR",
  "MUHAMMAD YUSUF",
  "Dr. Ir. BAMBANG SUTRISNO, M.M.",
  "NUR AINI",
  "RINA MARLINA",
  "AHMAD FAUZI",
].map((name, i) => ({ row: i + 1, name }));
const index = indexVoters(LIST);
const rowsFor = (query: string) => searchVoters(index, query).map((v) => v.row);

describe("name search", () => {
  it("drops titles and degrees before and after the name", () => {
    expect(nameWords("Dr. Ir. BAMBANG SUTRISNO, M.M.")).toEqual(["bambang", "sutrisno"]);
    expect(nameWords("Hj. Siti Aminah S.Pd")).toEqual(["siti", "aminah"]);
    expect(rowsFor("bambang sutrisno")).toEqual([7]);
    expect(rowsFor("Hj Soeharti")).toEqual([4]);
    expect(rowsFor("Siti Aminah S.Pd.")).toEqual([2]);
  });

  it("reads old spellings as today's: dj/j, tj/c, oe/u, ch/kh", () => {
    expect(rowsFor("ahmad junaedi")).toEqual([1]);
    expect(rowsFor("cahyono")).toEqual([3]);
    expect(rowsFor("suharti")).toEqual([4]);
    expect(rowsFor("khairul anwar")).toEqual([5]);
    expect(rowsFor("Achmad")).toEqual([1, 10]);
  });

  it("forgives doubled letters and one typo", () => {
    expect(rowsFor("muhamad yusuf")).toEqual([6]);
    expect(rowsFor("rina marlian")).toEqual([9]);
    expect(rowsFor("sutirsno")).toEqual([7]);
    expect(rowsFor("nuraini")).toEqual([8]);
  });

  it("finds a name being typed, and nothing for unrelated words", () => {
    expect(rowsFor("mar")).toEqual([9]);
    expect(rowsFor("zulkifli")).toEqual([]);
    expect(rowsFor("a")).toEqual([]);
    expect(rowsFor("H.")).toEqual([]);
  });

  it("one edit apart: change, insert, delete, swap", () => {
    expect(oneEditApart("marlina", "marlian")).toBe(true);
    expect(oneEditApart("yusuf", "yusf")).toBe(true);
    expect(oneEditApart("yusuf", "yussuf")).toBe(true);
    expect(oneEditApart("yusuf", "yosef")).toBe(false);
  });
});

describe("NIK check", () => {
  it("checks the format, the birth date digits and the sex", () => {
    expect(nikProblem("1673011207800001", "L")).toBeNull();
    expect(nikProblem("1673015505850002", "P")).toBeNull();
    expect(nikProblem("1673015505850002", "L")).toBe("sex");
    expect(nikProblem("167301120780000")).toBe("format");
    expect(nikProblem("0973011207800001")).toBe("region");
    expect(nikProblem("1673013213800001")).toBe("date");
    expect(nikProblem("1673011207800000")).toBe("date");
  });

  it("the phone's WebCrypto hash is the server's keyed PBKDF2", async () => {
    const salt = createHmac("sha256", "a voter key of at least thirty-two characters").update("x").digest();
    const server = pbkdf2Sync("1673011207800001", salt, NIK_HASH_ITERATIONS, 32, "sha256");
    expect(await hashNik("1673011207800001", new Uint8Array(salt))).toBe(toBase64url(new Uint8Array(server)));
  });

  it("ages are kept as bands", () => {
    expect([16, 19, 20, 45, 69, 70, 99].map(ageBand)).toEqual([
      "00-19",
      "00-19",
      "20-29",
      "40-49",
      "60-69",
      "70+",
      "70+",
    ]);
  });
});
