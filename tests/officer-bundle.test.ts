// An officer's phone downloads only the officer's messages: the production build's JavaScript for the
// officer screens must not carry admin-only or command-post-only texts. Each text is first found in the
// JavaScript of the screen that shows it, so the check cannot pass because the build spells it otherwise.
import { describe, expect, it } from "vitest";
import { OFFICER_SCREENS, readClientFile, readManifest, screenFiles } from "../scripts/client-manifest";

const manifest = readManifest();

/** Texts (both languages) that only the admin or the command post shows, with a screen that shows them. */
const FOREIGN_TEXTS = [
  { screen: "routes/admin.surat", text: "Jaga kerahasiaan PIN ini. Pindai kode QR, lalu masukkan PIN." },
  { screen: "routes/admin.surat", text: "Keep this PIN secret. Scan the QR code, then enter the PIN." },
  { screen: "routes/posko.audit", text: "Rantai utuh: {checked} baris diperiksa." },
  { screen: "routes/posko.audit", text: "Chain intact: {checked} rows checked." },
  { screen: "routes/posko._index", text: "TPS terlambat ({count})" },
  { screen: "routes/posko._index", text: "Stale TPS ({count})" },
];

function screenText(routeId: string): string {
  if (!manifest) throw new Error("no build");
  return [...screenFiles(manifest, routeId)].map((file) => readClientFile(file).toString("utf8")).join("\n");
}

const skipped = manifest ? "" : " (SKIPPED: no production build in build/; run `npm run build` first)";

describe.skipIf(!manifest)(`officer screens' JavaScript${skipped}`, () => {
  it("the foreign texts are where they belong", () => {
    for (const { screen, text } of FOREIGN_TEXTS) expect(screenText(screen), screen).toContain(text);
  });

  it.each(OFFICER_SCREENS)("%s carries no admin or command-post text", (screen) => {
    const js = screenText(screen);
    for (const { text } of FOREIGN_TEXTS) expect(js.includes(text), `${screen} contains "${text}"`).toBe(false);
  });
});

/**
 * The voter-list check loads on demand (docs/decisions/047-voter-list-check.md): its texts and its search (the
 * titles it drops) are in its own screen's JavaScript and not in what the officer's home loads first.
 */
const VOTER_CHECK_CODE = [
  "Ketik 16 angka NIK. NIK tidak disimpan dan tidak ditampilkan; kolom dikosongkan setelah dicek.",
  "Type the 16 digits of the NIK. It is neither stored nor shown; the field is cleared after the check.",
  '"ustazah"',
];

describe.skipIf(!manifest)(`the voter-list check's JavaScript${skipped}`, () => {
  it("is in its own screen and out of the officer app's first load", () => {
    const own = screenText("routes/officer.cek-dpt");
    const home = screenText("routes/officer._index");
    for (const text of VOTER_CHECK_CODE) {
      expect(own, text).toContain(text);
      expect(home.includes(text), `the officer's home loads "${text}"`).toBe(false);
    }
  });
});

// The supervision report (Form A) is a screen of the end of the day: its code is a route module of its own,
// loaded when the officer opens it (and precached for offline use), never part of the first screens' load.
describe.skipIf(!manifest)(`the supervision report's JavaScript${skipped}`, () => {
  const REPORT_TEXT = "Tambahkan yang tidak diketahui aplikasi (paling banyak {max} huruf).";
  it("is in the report screen's own module", () => {
    expect(screenText("routes/officer.laporan")).toContain(REPORT_TEXT);
  });
  it.each(OFFICER_SCREENS)("%s neither loads the report's module nor carries its texts", (screen) => {
    const report = manifest!.routes["routes/officer.laporan"].module;
    expect([...screenFiles(manifest!, screen)]).not.toContain(report);
    expect(screenText(screen).includes(REPORT_TEXT)).toBe(false);
  });
});
