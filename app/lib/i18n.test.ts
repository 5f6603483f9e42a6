// The message helpers: both languages must have the same keys (a compile error otherwise, checked here by
// `npm run typecheck` through the @ts-expect-error lines), lookups fall back to Indonesian, and
// placeholders are filled.
import { describe, expect, it } from "vitest";
import { combineMessages, defineMessages, translate, type MessageKey } from "./i18n";

const greetings = defineMessages({
  id: { "test.hello": "Halo, {name}!", "test.bye": "Sampai jumpa" },
  en: { "test.hello": "Hello, {name}!", "test.bye": "Goodbye" },
});
const numbers = defineMessages({ id: { "test.one": "satu" }, en: { "test.one": "one" } });

describe("defineMessages", () => {
  it("refuses a language with a missing or an extra key", () => {
    // @ts-expect-error English lacks "test.b"
    defineMessages({ id: { "test.a": "a", "test.b": "b" }, en: { "test.a": "a" } });
    // @ts-expect-error English has a key Indonesian has not
    defineMessages({ id: { "test.a": "a" }, en: { "test.a": "a", "test.c": "c" } });
  });

  it("types the keys of one or several modules", () => {
    const key: MessageKey<typeof greetings | typeof numbers> = "test.one";
    // @ts-expect-error not a key of these modules
    const unknown: MessageKey<typeof greetings> = "test.one";
    expect([key, unknown]).toHaveLength(2);
  });
});

describe("translate", () => {
  it("fills placeholders in the language asked for", () => {
    expect(translate("id", greetings, "test.hello", { name: "Sari" })).toBe("Halo, Sari!");
    expect(translate("en", greetings, "test.hello", { name: "Sari" })).toBe("Hello, Sari!");
    expect(translate("en", greetings, "test.hello")).toBe("Hello, {name}!");
    // @ts-expect-error a key of another module
    expect(translate("en", greetings, "test.one")).toBe("test.one");
  });

  it("answers several modules at once once combined", () => {
    const both = combineMessages(greetings, numbers);
    expect(translate("en", both, "test.one")).toBe("one");
    expect(translate("id", both, "test.bye")).toBe("Sampai jumpa");
  });
});
