// Admin CSV imports (docs/import.md): regions, TPS, officers, parties, contests with their electoral areas,
// and candidates. `checkImport` validates every row (format, references to the database or to earlier rows
// of the same file, duplicates) and reports row-level errors; `runImport` writes all rows in one writer job
// or nothing at all. Rows are upserts on their natural key (region code, TPS code, officer login = TPS code,
// party number, contest code, contest + party + ballot number), so the same file can run again.
// Sample files: public/samples/*.csv, documented in docs/import.md.
import { randomBytes } from "node:crypto";
import { ballotStructure, CONTEST_TYPES, type ContestType } from "~/lib/contests";
import { csvRecords } from "~/lib/csv";
import { INDICATOR_CODES } from "~/lib/data-centre";
import { normalizePhone } from "~/lib/phone";
import { TPS_CODE } from "~/lib/schemas";
import { hasControlCharacter } from "~/lib/schemas/atoms";
import type { Db } from "~/utils/db.server";
import { hashSecret } from "~/utils/password.server";
import type { WriteContext } from "~/utils/writer.server";

import {
  IMPORT_COLUMNS,
  MAX_IMPORT_ROWS,
  MAX_VOTER_IMPORT_ROWS,
  type ImportCheck,
  type ImportKind,
  type ImportProblem,
} from "~/lib/imports";
import { ageBand, ageOn, nikProblem, VOTER_STATUSES, type VoterSex } from "~/lib/voters";
import { rebuildTotals } from "./region-totals.server";

export { IMPORT_COLUMNS, IMPORT_KINDS, MAX_IMPORT_BYTES, type ImportCheck, type ImportKind } from "~/lib/imports";

type Row = Record<string, string | number | null>;
const LEVELS = ["province", "city", "kecamatan", "kelurahan"];
const PARENT_LEVEL: Record<string, string | null> = {
  province: null,
  city: "province",
  kecamatan: "city",
  kelurahan: "kecamatan",
};
/** The kinds a level allows (SPEC section 2: kabupaten/kota are cities, desa/kelurahan villages). */
const KINDS_OF_LEVEL: Record<string, string[]> = {
  province: ["province"],
  city: ["kabupaten", "kota"],
  kecamatan: ["kecamatan"],
  kelurahan: ["desa", "kelurahan"],
};
const CONTEST_CODE = /^[a-z0-9_-]{2,40}$/;
const MAX_AREA_CODES = 600;
/** A decimal as a spreadsheet set to Indonesian writes it ("-3,2901") or as CSV usually does ("-3.2901"). */
const decimal = (raw: string | undefined) => (raw ? Number(raw.includes(".") ? raw : raw.replace(",", ".")) : NaN);

interface References {
  regions: Map<string, string>;
  tps: Set<string>;
  nips: Map<string, string>;
  parties: Set<number>;
  /** Contest code -> its type and whether results refer to it. */
  contests: Map<string, { type: ContestType; used: boolean }>;
}

type Bad = (field: string, key: ImportProblem["key"], params?: ImportProblem["params"]) => void;

/** A birth date as the KPU's files write it: 1980-07-31, 31-07-1980, 31/07/1980 or 31|07|1980. */
function birthDate(raw: string): { y: number; m: number; d: number } | null {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw);
  const local = /^(\d{1,2})[-/|](\d{1,2})[-/|](\d{4})$/.exec(raw);
  const [y, m, d] = iso ? [+iso[1], +iso[2], +iso[3]] : local ? [+local[3], +local[2], +local[1]] : [0, 0, 0];
  if (!y || m < 1 || m > 12 || d < 1 || d > 31) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCDate() === d && y >= 1880 ? { y, m, d } : null;
}

/**
 * One voter of the KPU's list, reduced to what the check keeps (docs/decisions/047-voter-list-check.md): the
 * NIK is checked and kept only for hashing, the birth date becomes an age band, disability a yes/no counted
 * per TPS. A problem never repeats the NIK: the error list is shown and downloaded.
 */
function voterRow(
  v: Record<string, string>,
  line: number,
  db: References,
  bad: Bad,
  seen: Map<string, number>,
  now: Date,
) {
  let tpsCode = v.tps_code ?? "";
  if (!tpsCode && v.kelurahan_code) {
    const number = /^\d{1,3}$/.test(v.tps_number ?? "") ? Number(v.tps_number) : 0;
    if (!number) bad("tps_number", "import.err.int", { min: 1, max: 999 });
    tpsCode = `${v.kelurahan_code.replaceAll(".", "")}-${String(number).padStart(3, "0")}`;
  }
  if (!TPS_CODE.test(tpsCode) || !db.tps.has(tpsCode))
    bad(v.tps_code ? "tps_code" : "kelurahan_code", "import.err.tps", { code: tpsCode });
  const rowNumber = /^\d{1,4}$/.test(v.row ?? "") && Number(v.row) >= 1 ? Number(v.row) : null;
  if (rowNumber === null) bad("row", "import.err.int", { min: 1, max: 9999 });
  const name = (v.name ?? "").replace(/\s+/g, " ").trim();
  if (!name) bad("name", "import.err.required");
  else if (name.length > 120) bad("name", "import.err.long", { max: 120 });
  const sexRaw = (v.sex ?? "").toUpperCase();
  const sex: VoterSex | null = sexRaw === "L" || sexRaw === "P" ? sexRaw : null;
  if (!sex) bad("sex", "import.err.sex");
  const nik = (v.nik ?? "").replace(/[\s.]/g, "");
  const nikIssue = nikProblem(nik, sex);
  if (nikIssue) bad("nik", `import.err.nik.${nikIssue}`);
  let age: number | null = null;
  if (v.birth_date) {
    const born = birthDate(v.birth_date);
    if (!born) bad("birth_date", "import.err.birthDate");
    else age = ageOn(born, now);
  } else if (v.age) {
    age = /^\d{1,3}$/.test(v.age) && Number(v.age) <= 150 ? Number(v.age) : null;
    if (age === null) bad("age", "import.err.int", { min: 0, max: 150 });
  } else bad("birth_date", "import.err.voterAge");
  if (age !== null && (age < 0 || age > 150)) bad("birth_date", "import.err.birthDate");
  const status = (v.status ?? "").toLowerCase();
  if (!(VOTER_STATUSES as readonly string[]).includes(status)) bad("status", "import.err.voterStatus");
  const rt = (v.rt ?? "").trim();
  const rw = (v.rw ?? "").trim();
  if (!/^\d{0,3}$/.test(rt)) bad("rt", "import.err.int", { min: 0, max: 999 });
  if (!/^\d{0,3}$/.test(rw)) bad("rw", "import.err.int", { min: 0, max: 999 });
  const disability = (v.disability ?? "").trim().toLowerCase();
  if (disability.length > 60) bad("disability", "import.err.long", { max: 60 });
  if (!nikIssue) {
    // The same person twice in one file, whichever TPS: said by line, never by the number.
    const other = seen.get(`nik:${nik}`);
    if (other) bad("nik", "import.err.duplicate", { line: other });
    else seen.set(`nik:${nik}`, line);
  }
  return {
    key: rowNumber === null ? "" : `voter:${tpsCode}/${rowNumber}`,
    row: {
      tps_code: tpsCode,
      row_number: rowNumber,
      nik,
      name,
      sex,
      age_band: age === null ? null : ageBand(age),
      rt,
      rw,
      status,
      disabled: ["", "0", "-", "tidak", "no", "n", "t"].includes(disability) ? 0 : 1,
    } as Row,
  };
}

function validate(kind: ImportKind, text: string, db: References, now = new Date()) {
  const errors: ImportProblem[] = [];
  const rows: Row[] = [];
  const { header, records } = csvRecords(text);
  const missing = IMPORT_COLUMNS[kind].required.filter((c) => !header.includes(c));
  const fileProblem = (problem: Omit<ImportProblem, "line">) => ({ rows, errors: [{ line: 1, ...problem }] });
  if (missing.length)
    return fileProblem({
      field: missing.join(", "),
      key: "import.err.columns",
      params: { columns: missing.join(", ") },
    });
  if (records.length === 0) return fileProblem({ field: "", key: "import.err.empty" });
  const maxRows = kind === "voters" ? MAX_VOTER_IMPORT_ROWS : MAX_IMPORT_ROWS;
  if (records.length > maxRows) return fileProblem({ field: "", key: "import.err.tooMany", params: { max: maxRows } });
  if (
    kind === "voters" &&
    !header.includes("tps_code") &&
    !["kelurahan_code", "tps_number"].every((c) => header.includes(c))
  )
    return fileProblem({ field: "tps_code", key: "import.err.voterTps" });
  if (kind === "voters" && !header.includes("birth_date") && !header.includes("age"))
    return fileProblem({ field: "birth_date", key: "import.err.voterAgeColumn" });
  const seen = new Map<string, number>();
  const regionLevels = new Map(db.regions);
  const tpsInFile = new Set<string>();

  for (const { line, values: v } of records) {
    const rowErrors: ImportProblem[] = [];
    const bad = (field: string, key: ImportProblem["key"], params?: ImportProblem["params"]) =>
      rowErrors.push({ line, field, key, params });
    // A control character in any cell refuses the row before any other check reads it (or a query carries it).
    const controlled = Object.keys(v).filter((field) => hasControlCharacter(field) || hasControlCharacter(v[field]));
    if (controlled.length) {
      for (const field of controlled) bad(field, "input.controlCharacterCell");
      errors.push(...rowErrors);
      continue;
    }
    const int = (field: string, min: number, max: number, optional = false) => {
      const raw = v[field] ?? "";
      if (raw === "" && optional) return 0;
      if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
        bad(field, "import.err.int", { min, max });
        return null;
      }
      return Number(raw);
    };
    const textField = (field: string, max: number, optional = false) => {
      const raw = v[field] ?? "";
      if (!raw && !optional) {
        bad(field, "import.err.required");
        return null;
      }
      if (raw.length > max) {
        bad(field, "import.err.long", { max });
        return null;
      }
      return raw;
    };
    let key: string;
    let row: Row | null;
    if (kind === "regions") {
      const code = v.code ?? "";
      const level = v.level ?? "";
      const parent = v.parent_code || null;
      if (!/^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/.test(code)) bad("code", "import.err.regionCode");
      if (!LEVELS.includes(level)) bad("level", "import.err.level");
      else if (code && code.split(".").length !== LEVELS.indexOf(level) + 1) bad("level", "import.err.levelCode");
      if (PARENT_LEVEL[level] && (!parent || regionLevels.get(parent) !== PARENT_LEVEL[level]))
        bad("parent_code", "import.err.parent", { parent: parent ?? "" });
      if (parent && !code.startsWith(parent + ".")) bad("parent_code", "import.err.parentPrefix");
      const name = textField("name", 120);
      const regionKind = (v.kind ?? "").toLowerCase() || null;
      if (regionKind && LEVELS.includes(level) && !KINDS_OF_LEVEL[level].includes(regionKind))
        bad("kind", "import.err.kind", { level, kinds: KINDS_OF_LEVEL[level].join(" / ") });
      key = code;
      row = { code, parent_code: parent, level, name, kind: regionKind };
    } else if (kind === "tps") {
      const kel = v.kelurahan_code ?? "";
      if (regionLevels.get(kel) !== "kelurahan") bad("kelurahan_code", "import.err.kelurahan", { code: kel });
      const number = int("number", 1, 999);
      const code = number === null ? "" : `${kel.replaceAll(".", "")}-${String(number).padStart(3, "0")}`;
      if (v.code && v.code !== code) bad("code", "import.err.tpsCode", { code });
      const lat = decimal(v.lat);
      const lng = decimal(v.lng);
      if (!v.lat || !Number.isFinite(lat) || lat < -11 || lat > 6) bad("lat", "import.err.lat");
      if (!v.lng || !Number.isFinite(lng) || lng < 94 || lng > 142) bad("lng", "import.err.lng");
      const dpt = int("dpt", 0, 9999);
      const dptb = int("dptb", 0, 9999, true);
      const dpk = int("dpk", 0, 9999, true);
      // DPT by sex (C.Hasil I.A): both or neither, adding up to the DPT.
      const bySex = !!(v.dpt_men || v.dpt_women);
      const men = bySex ? int("dpt_men", 0, 9999) : null;
      const women = bySex ? int("dpt_women", 0, 9999) : null;
      if (bySex && men !== null && women !== null && dpt !== null && men + women !== dpt)
        bad("dpt_women", "import.err.dptBySex", { dpt });
      const address = textField("address", 300, true);
      key = code;
      row = {
        code,
        kelurahan_code: kel,
        number,
        address: address ?? "",
        lat,
        lng,
        dpt,
        dpt_men: men,
        dpt_women: women,
        dptb,
        dpk,
      };
      tpsInFile.add(code);
    } else if (kind === "parties") {
      const number = int("number", 1, 99);
      const name = textField("name", 200);
      const abbrev = textField("abbrev", 30);
      key = number === null ? "" : `party:${number}`;
      row = { number, name, abbrev };
    } else if (kind === "contests") {
      const code = (v.code ?? "").toLowerCase();
      if (!CONTEST_CODE.test(code)) bad("code", "import.err.contestCode");
      const name = textField("name", 120);
      const type = (v.type ?? "").toLowerCase() as ContestType;
      if (!CONTEST_TYPES.includes(type)) bad("type", "import.err.contestType", { types: CONTEST_TYPES.join(", ") });
      else if (db.contests.get(code)?.used && db.contests.get(code)!.type !== type) bad("type", "import.err.typeInUse");
      // The electoral area: region codes of any level, separated by spaces or "|" (a dapil's kecamatan).
      const area = [...new Set((v.area ?? "").split(/[\s|]+/).filter(Boolean))];
      if (!area.length) bad("area", "import.err.required");
      else if (area.length > MAX_AREA_CODES) bad("area", "import.err.areaTooLarge", { max: MAX_AREA_CODES });
      else {
        const unknown = area.filter((a) => !regionLevels.has(a));
        if (unknown.length) bad("area", "import.err.area", { codes: unknown.slice(0, 5).join(", ") });
      }
      const dapil = textField("dapil", 200, true) || null;
      const position = int("position", 0, 99, true);
      key = code;
      row = { code, name, type, dapil, position, area: area.join(" ") };
    } else if (kind === "candidates") {
      const contestCode = (v.contest ?? "").toLowerCase();
      const contest = db.contests.get(contestCode);
      if (!contest) bad("contest", "import.err.contest", { code: contestCode });
      const party = int("party", 0, 99, true);
      if (contest && party !== null) {
        const partyList = ballotStructure(contest.type) === "parties";
        if (partyList && party === 0) bad("party", "import.err.partyNeeded", { type: contest.type });
        else if (partyList && !db.parties.has(party)) bad("party", "import.err.party", { number: party });
        else if (!partyList && party !== 0) bad("party", "import.err.noParty", { type: contest.type });
      }
      const number = int("number", 1, 99);
      const name = textField("name", 200);
      key = `candidate:${contestCode}/${party}/${number}`;
      row = { contest_code: contestCode, party_number: party, ballot_number: number, name };
    } else if (kind === "vulnerability") {
      // The data centre's TPS vulnerability map: a TPS and the indicator codes that hold for it (separated by
      // spaces or "|"; none clears the TPS). A TPS's indicators are replaced whole, so the file runs again.
      const tpsCode = v.tps_code ?? "";
      if (!TPS_CODE.test(tpsCode) || !db.tps.has(tpsCode)) bad("tps_code", "import.err.tps", { code: tpsCode });
      const codes = [
        ...new Set(
          (v.indicators ?? "")
            .toLowerCase()
            .split(/[\s|]+/)
            .filter(Boolean),
        ),
      ];
      const unknown = codes.filter((c) => !INDICATOR_CODES.includes(c));
      if (unknown.length)
        bad("indicators", "import.err.indicator", {
          codes: unknown.slice(0, 5).join(", "),
          known: INDICATOR_CODES.join(", "),
        });
      key = tpsCode;
      row = { tps_code: tpsCode, indicators: codes.join(" ") };
    } else if (kind === "voters") {
      ({ key, row } = voterRow(v, line, db, bad, seen, now));
    } else {
      const tpsCode = v.tps_code ?? "";
      if (!TPS_CODE.test(tpsCode) || !db.tps.has(tpsCode)) bad("tps_code", "import.err.tps", { code: tpsCode });
      const name = textField("name", 120);
      const nip = v.nip ?? "";
      if (nip && !/^\d{18}$/.test(nip)) bad("nip", "import.err.nip");
      else if (nip && db.nips.has(nip) && db.nips.get(nip) !== tpsCode)
        bad("nip", "import.err.nipTaken", { code: db.nips.get(nip)! });
      // Written as +62... whatever way it was typed, so the roster's call links and SMS senders compare alike.
      const phone = v.phone ? normalizePhone(v.phone) : null;
      if (v.phone && !phone) bad("phone", "import.err.phone", { value: v.phone });
      key = tpsCode;
      row = { login: tpsCode, tps_code: tpsCode, name, nip: nip || null, phone };
      if (nip) {
        const other = seen.get(`nip:${nip}`);
        if (other) bad("nip", "import.err.duplicate", { line: other });
        else seen.set(`nip:${nip}`, line);
      }
    }
    if (key && seen.has(key)) bad(KEY_FIELD[kind], "import.err.duplicate", { line: seen.get(key)! });
    else if (key) seen.set(key, line);
    if (rowErrors.length) errors.push(...rowErrors);
    else {
      rows.push(row!);
      if (kind === "regions") regionLevels.set(row!.code as string, row!.level as string);
    }
  }
  return { rows, errors };
}

/** The column a duplicate row is reported on. */
const KEY_FIELD: Record<ImportKind, string> = {
  regions: "code",
  tps: "code",
  officers: "tps_code",
  parties: "number",
  contests: "code",
  candidates: "number",
  vulnerability: "tps_code",
  voters: "row",
};

type OfficerNip = { nip: string; tpsCode: string };
type TpsKelurahan = { code: string; kelurahanCode: string };

async function loadReferences(sql: Db, kind: ImportKind): Promise<References> {
  const regions = new Map<string, string>();
  const tps = new Set<string>();
  const nips = new Map<string, string>();
  const parties = new Set<number>();
  const contests = new Map<string, { type: ContestType; used: boolean }>();
  if (kind === "regions" || kind === "tps" || kind === "contests")
    for (const r of await sql<{ code: string; level: string }[]>`select code, level from regions`)
      regions.set(r.code, r.level);
  if (kind === "officers" || kind === "vulnerability" || kind === "voters")
    for (const r of await sql<{ code: string }[]>`select code from tps`) tps.add(r.code);
  if (kind === "officers") {
    for (const r of await sql<OfficerNip[]>`select nip, tps_code from users where nip is not null`)
      nips.set(r.nip, r.tpsCode);
  }
  if (kind === "candidates")
    for (const r of await sql<{ number: number }[]>`select number from parties`) parties.add(r.number);
  if (kind === "contests" || kind === "candidates")
    for (const r of await sql<{ code: string; type: ContestType; used: boolean }[]>`
      select code, type, exists (select 1 from results where contest_code = c.code) as used from contests c`)
      contests.set(r.code, { type: r.type, used: r.used });
  return { regions, tps, nips, parties, contests };
}

async function countExisting(sql: Db, kind: ImportKind, rows: Row[]) {
  if (!rows.length) return 0;
  if (kind === "candidates") {
    const [row] = await sql<[{ n: number }]>`
      select count(*)::int as n from candidates k
      join unnest(${rows.map((r) => r.contest_code as string)}::text[], ${rows.map((r) => r.party_number as number)}::int[],
        ${rows.map((r) => r.ballot_number as number)}::int[]) as f(contest_code, party_number, ballot_number)
      using (contest_code, party_number, ballot_number)`;
    return row.n;
  }
  if (kind === "voters") {
    const [row] = await sql<[{ n: number }]>`
      select count(*)::int as n from voters v
      join unnest(${rows.map((r) => r.tps_code as string)}::text[], ${rows.map((r) => r.row_number as number)}::int[])
        as f(tps_code, row_number) using (tps_code, row_number)`;
    return row.n;
  }
  if (kind === "parties") {
    const [row] = await sql<[{ n: number }]>`
      select count(*)::int as n from parties where number = any(${rows.map((r) => r.number as number)}::int[])`;
    return row.n;
  }
  if (kind === "vulnerability") {
    // A TPS already mapped counts as updated.
    const [row] = await sql<[{ n: number }]>`
      select count(distinct tps_code)::int as n from tps_vulnerability
      where tps_code = any(${rows.map((r) => r.tps_code as string)})`;
    return row.n;
  }
  const keys = rows.map((r) => (kind === "officers" ? r.login : r.code) as string);
  const table =
    kind === "regions"
      ? sql`regions where code`
      : kind === "tps"
        ? sql`tps where code`
        : kind === "contests"
          ? sql`contests where code`
          : sql`users where login`;
  const [row] = await sql<[{ n: number }]>`select count(*)::int as n from ${table} = any(${keys})`;
  return row.n;
}

/** Validates a file and says what a real run would do; writes nothing. */
export async function checkImport(sql: Db, { kind, text }: { kind: ImportKind; text: string }): Promise<ImportCheck> {
  const { rows, errors } = validate(kind, text, await loadReferences(sql, kind));
  const existing = errors.length ? 0 : await countExisting(sql, kind, rows);
  return {
    kind,
    rows: rows.length + new Set(errors.map((e) => e.line)).size,
    created: rows.length - existing,
    updated: existing,
    problems: errors,
    applied: false,
  };
}

/** The rows of a voter file as checked (with their NIK, for hashing only), or its problems. */
export async function checkedVoterRows(sql: Db, text: string) {
  const { rows, errors } = validate("voters", text, await loadReferences(sql, "voters"));
  return { rows: rows as unknown as VoterFileRow[], errors };
}
export interface VoterFileRow {
  tps_code: string;
  row_number: number;
  nik: string;
  name: string;
  sex: VoterSex;
  age_band: string;
  rt: string;
  rw: string;
  status: string;
  disabled: number;
}

/** Validates and, only when every row is right, writes them all in one transaction (upserts). */
export async function runImport(
  ctx: WriteContext,
  { kind, text, actorId }: { kind: ImportKind; text: string; actorId: number },
): Promise<ImportCheck> {
  const { tx, audit } = ctx;
  // Voter lists are hashed before their transaction (app/models/voters.server.ts importVoters).
  if (kind === "voters") throw new Error("voter lists are imported through importVoters");
  // One import at a time, so two admins cannot interleave half-checked files.
  await tx`select pg_advisory_xact_lock(hashtext('pantau-import'))`;
  const report = await checkImport(tx, { kind, text });
  if (report.problems.length) return report;
  const { rows } = validate(kind, text, await loadReferences(tx, kind));
  const chunks = <T>(list: T[], size = 2000) =>
    Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, (i + 1) * size));
  if (kind === "regions") {
    // A row without a kind keeps the region's own, unless its level changed (the database then derives it).
    const withKind = rows.filter((r) => r.kind !== null);
    const withoutKind = rows.filter((r) => r.kind === null);
    for (const part of chunks(withKind)) {
      await tx`insert into regions ${tx(part as Record<string, unknown>[], "code", "parent_code", "level", "name", "kind")}
        on conflict (code) do update set parent_code = excluded.parent_code, level = excluded.level, name = excluded.name,
          kind = excluded.kind`;
    }
    for (const part of chunks(withoutKind)) {
      await tx`insert into regions ${tx(part as Record<string, unknown>[], "code", "parent_code", "level", "name")}
        on conflict (code) do update set parent_code = excluded.parent_code, level = excluded.level, name = excluded.name,
          kind = case when regions.level = excluded.level then regions.kind else excluded.kind end`;
    }
  } else if (kind === "tps") {
    for (const part of chunks(rows)) {
      await tx`insert into tps ${tx(part as Record<string, unknown>[], "code", "kelurahan_code", "number", "address", "lat", "lng", "dpt", "dpt_men", "dpt_women", "dptb", "dpk")}
        on conflict (code) do update set address = excluded.address, lat = excluded.lat, lng = excluded.lng,
          dpt = excluded.dpt, dpt_men = excluded.dpt_men, dpt_women = excluded.dpt_women, dptb = excluded.dptb, dpk = excluded.dpk`;
    }
  } else if (kind === "parties") {
    await tx`insert into parties ${tx(rows as Record<string, unknown>[], "number", "name", "abbrev")}
      on conflict (number) do update set name = excluded.name, abbrev = excluded.abbrev`;
  } else if (kind === "contests") {
    for (const part of chunks(rows)) {
      await tx`insert into contests ${tx(part as Record<string, unknown>[], "code", "name", "type", "dapil", "position")}
        on conflict (code) do update set name = excluded.name, type = excluded.type, dapil = excluded.dapil,
          position = excluded.position`;
      // The file's area replaces the contest's area.
      const codes = part.map((r) => r.code as string);
      await tx`delete from contest_areas where contest_code = any(${codes})`;
      const areas = part.flatMap((r) =>
        (r.area as string).split(" ").map((region_code) => ({ contest_code: r.code, region_code })),
      );
      for (const areaPart of chunks(areas)) await tx`insert into contest_areas ${tx(areaPart)}`;
    }
  } else if (kind === "candidates") {
    for (const part of chunks(rows)) {
      await tx`insert into candidates ${tx(part as Record<string, unknown>[], "contest_code", "party_number", "ballot_number", "name")}
        on conflict (contest_code, party_number, ballot_number) do update set name = excluded.name`;
    }
  } else if (kind === "vulnerability") {
    const codes = rows.map((r) => r.tps_code as string);
    for (const part of chunks(codes)) await tx`delete from tps_vulnerability where tps_code = any(${part})`;
    const pairs = rows.flatMap((r) =>
      (r.indicators as string)
        .split(" ")
        .filter(Boolean)
        .map((indicator) => ({ tps_code: r.tps_code, indicator, imported_at: ctx.now })),
    );
    for (const part of chunks(pairs)) await tx`insert into tps_vulnerability ${tx(part)}`;
  } else {
    // New officers get a random secret nobody knows; their PIN is set when their credential letter is printed.
    const unknown = await hashSecret(randomBytes(24).toString("base64url"));
    const officerTps = rows.map((r) => r.tps_code as string);
    const placed = await tx<TpsKelurahan[]>`select code, kelurahan_code from tps where code = any(${officerTps})`;
    const kelurahan = new Map(placed.map((r) => [r.code, r.kelurahanCode]));
    for (const part of chunks(rows)) {
      const values = part.map((r) => ({
        ...r,
        role: "officer",
        region_code: kelurahan.get(r.tps_code as string)!,
        secret_hash: unknown,
      }));
      await tx`insert into users ${tx(values as Record<string, unknown>[], "login", "name", "role", "tps_code", "region_code", "nip", "phone", "secret_hash")}
        on conflict (login) do update set name = excluded.name, nip = excluded.nip, phone = excluded.phone,
          tps_code = excluded.tps_code, region_code = excluded.region_code
        where users.role = 'officer'`;
    }
  }
  // The running totals count TPS per region and contest: a change of regions, TPS or contest areas moves them.
  if (kind === "regions" || kind === "tps" || kind === "contests") await rebuildTotals(tx);
  audit({
    actorId,
    action: `import.${kind}`,
    entity: kind,
    after: { rows: report.rows, created: report.created, updated: report.updated },
  });
  return { ...report, applied: true };
}
