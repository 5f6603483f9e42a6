// Times read the same on the server and on any phone: in the election's zone, in Indonesian (or English)
// words, whatever zone and language the browser itself is set to. The browser half runs the same module in
// Debian's Chromium, set to New York and American English, and must write exactly what Node writes.
import { chromium } from "@playwright/test";
import { build } from "esbuild";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  formatCount,
  formatCoordinate,
  formatDate,
  formatDateTime,
  formatEstimate,
  formatNumber,
  formatShare,
  formatSize,
  formatTime,
} from "./format";
import { translate, defineMessages } from "./i18n";

// 2 December 2026, 10:32:05 in Jakarta (UTC+7); just before and at midnight there; a day in May.
const INSTANTS = [
  "2026-12-02T03:32:05Z",
  "2026-12-02T16:59:59Z",
  "2026-12-02T17:00:00Z",
  "2027-05-09T23:05:00.123Z",
  "2026-12-02T10:32:05+07:00",
];

const everything = (lang: "id" | "en") =>
  INSTANTS.map((iso) => [
    formatTime(iso, lang),
    formatTime(iso, lang, { seconds: true }),
    formatDate(iso, lang),
    formatDateTime(iso, lang),
  ]);

describe("times in the election's zone", () => {
  it("reads Indonesian 24-hour time and a written-out date in WIB", () => {
    expect(formatTime("2026-12-02T03:32:05Z", "id")).toBe("10.32 WIB");
    expect(formatTime("2026-12-02T03:32:05Z", "id", { seconds: true })).toBe("10.32.05 WIB");
    expect(formatDate("2026-12-02T03:32:05Z", "id")).toBe("2 Desember 2026");
    expect(formatDateTime("2026-12-02T03:32:05Z", "id")).toBe("2 Desember 2026, 10.32 WIB");
    // 17:00 UTC is already the next day in Jakarta, written 00.00, never 24.00.
    expect(formatDateTime("2026-12-02T17:00:00Z", "id")).toBe("3 Desember 2026, 00.00 WIB");
    expect(formatTime("2026-12-02T16:59:59Z", "id")).toBe("23.59 WIB");
  });

  it("reads English with a colon and the English month", () => {
    expect(formatDateTime("2026-12-02T03:32:05Z", "en")).toBe("2 December 2026, 10:32 WIB");
  });

  it("writes a dash for a missing or unreadable time", () => {
    expect(formatTime(null, "id")).toBe("—");
    expect(formatDateTime("not a date", "id")).toBe("—");
  });

  it("writes exactly the same in a browser set to another zone and language", async () => {
    const bundle = await build({
      entryPoints: [path.resolve(__dirname, "format.ts")],
      bundle: true,
      write: false,
      format: "iife",
      globalName: "pantauFormat",
      target: "es2022",
    });
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu"],
    });
    try {
      const context = await browser.newContext({ timezoneId: "America/New_York", locale: "en-US" });
      const page = await context.newPage();
      await page.addScriptTag({ content: bundle.outputFiles[0].text });
      const inBrowser = await page.evaluate(
        ({ instants, langs }) => {
          const f = (window as unknown as { pantauFormat: typeof import("./format") }).pantauFormat;
          return langs.map((lang) =>
            instants.map((iso) => [
              f.formatTime(iso, lang),
              f.formatTime(iso, lang, { seconds: true }),
              f.formatDate(iso, lang),
              f.formatDateTime(iso, lang),
            ]),
          );
        },
        { instants: INSTANTS, langs: ["id", "en"] as const },
      );
      expect(inBrowser).toEqual([everything("id"), everything("en")]);
      // The browser's own default would have differed: the test would catch a formatter that used it.
      const browserDefault = await page.evaluate((iso) => new Date(iso).toLocaleTimeString(), INSTANTS[0]);
      expect(browserDefault).not.toBe(formatTime(INSTANTS[0], "id"));
    } finally {
      await browser.close();
    }
  });
});

describe("numbers as Indonesians write them", () => {
  it("writes thousands with a dot and decimals with a comma in Indonesian, the other way in English", () => {
    expect(formatNumber(1234567, "id")).toBe("1.234.567");
    expect(formatNumber(1234567, "en")).toBe("1,234,567");
    expect(formatNumber(4, "id", { digits: 1 })).toBe("4,0");
    expect(formatNumber(12.345, "en", { digits: 2 })).toBe("12.35");
    expect(formatNumber(NaN, "id")).toBe("—");
  });

  it("writes shares as percentages with one decimal, and a dash when there is none", () => {
    expect(formatShare(0.401, "id")).toBe("40,1%");
    expect(formatShare(0.401, "en")).toBe("40.1%");
    expect(formatShare(1, "id")).toBe("100,0%");
    expect(formatShare(null, "id")).toBe("—");
    expect(formatEstimate(0.4531, 0.0214, "id")).toBe("45,3% ± 2,1");
    expect(formatEstimate(0.4531, 0.0214, "en")).toBe("45.3% ± 2.1");
  });

  it("phrases counts: 620 dari 635 TPS", () => {
    expect(formatCount(620, 635, "id", "TPS")).toBe("620 dari 635 TPS");
    expect(formatCount(1620, 12635, "en", "TPS")).toBe("1,620 of 12,635 TPS");
    expect(formatCount(3, 8, "id")).toBe("3 dari 8");
  });

  it("writes sizes and coordinates", () => {
    expect(formatSize(4.1 * 1024 * 1024, "id")).toBe("4,1 MB");
    expect(formatSize(64 * 1024, "en")).toBe("64 KB");
    // Map applications read coordinates with a decimal point in every language.
    expect(formatCoordinate(-3.296123456, 102.86)).toBe("-3.29612, 102.86000");
  });

  it("writes the numbers in any message in the reader's language", () => {
    const m = defineMessages({
      id: { x: "{n} TPS, {p}% — kode {code}" },
      en: { x: "{n} TPS, {p}% — code {code}" },
    });
    expect(translate("id", m, "x", { n: 12345, p: 11.5, code: "1673011001-001" })).toBe(
      "12.345 TPS, 11,5% — kode 1673011001-001",
    );
    expect(translate("en", m, "x", { n: 12345, p: 11.5, code: "1673011001-001" })).toBe(
      "12,345 TPS, 11.5% — code 1673011001-001",
    );
  });
});
