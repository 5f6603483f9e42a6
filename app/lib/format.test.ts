// Times read the same on the server and on any phone: in the election's zone, in Indonesian (or English)
// words, whatever zone and language the browser itself is set to. The browser half runs the same module in
// Debian's Chromium, set to New York and American English, and must write exactly what Node writes.
import { chromium } from "@playwright/test";
import { build } from "esbuild";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, formatTime } from "./format";

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
