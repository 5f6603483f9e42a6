import { describe, expect, it } from "vitest";
import { normalizePhone, telHref } from "./phone";

describe("normalizePhone", () => {
  it("writes every way an Indonesian number is typed as +62 and digits", () => {
    for (const typed of [
      "0812-3456-7890",
      "62 812 3456 7890",
      "+62 812 3456 7890",
      "812.3456.7890",
      "+62 0812 3456 7890",
    ])
      expect(normalizePhone(typed)).toBe("+6281234567890");
    expect(normalizePhone("(0711) 356-789")).toBe("+62711356789");
  });

  it("refuses what is not an Indonesian phone number", () => {
    for (const typed of [
      "",
      "12345",
      "+1 202 555 0100",
      "0812-34",
      "08123456789012345",
      "0812abc4567",
      "+62 000 1234 5678",
    ])
      expect(normalizePhone(typed)).toBeNull();
  });

  it("makes a tel: link of a number", () => {
    expect(telHref("+6281234567890")).toBe("tel:+6281234567890");
  });
});
