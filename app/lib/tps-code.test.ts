import { describe, expect, it } from "vitest";
import { readTpsCode, tpsCodeOf } from "./tps-code";

describe("reading a TPS code as a person types it", () => {
  it.each([
    "1673011009-001",
    "1673011009001",
    "1673011009-1",
    "1673011009-01",
    "16.73.01.1009-001",
    "16.73.01.1009.001",
    "16.73.01.1009 1",
    "1673011009 001",
    "1673 0110 0900 1",
    " 1673011009-001 ",
    "1673011009 - 001",
    "1673011009\u2013001",
    "1673011009\u2014001",
    "1673011009\u2212001",
    "TPS 1673011009-001",
    "tps 1673011009-1",
    "TPS1673011009001",
    "TPS: 16.73.01.1009-001",
    "\uFF11\uFF16\uFF17\uFF13\uFF10\uFF11\uFF11\uFF10\uFF10\uFF19\uFF0D\uFF10\uFF10\uFF11",
  ])("%j is 1673011009-001", (typed) => {
    expect(readTpsCode(typed)).toEqual({ code: "1673011009-001" });
  });

  it("keeps a three-digit TPS number as it is", () => {
    expect(tpsCodeOf("16.73.05.1007-123")).toBe("1673051007-123");
    expect(tpsCodeOf("1673051007 12")).toBe("1673051007-012");
  });

  it.each([
    ["eleven digits in a row", "16730110091"],
    ["twelve digits in a row", "167301100901"],
    ["a kelurahan code without a TPS number", "16.73.01.1009"],
    ["ten digits alone", "1673011009"],
    ["a four-digit TPS number", "1673011009-0001"],
    ["a dash where no kelurahan code ends", "167301100-9001"],
    ["fourteen digits", "16730110090011"],
  ])("refuses %s as unclear", (_, typed) => {
    expect(readTpsCode(typed)).toEqual({ unclear: true });
  });

  it.each(["admin", "posko2", "pengawas-01", "tim-1", "123456", "16.73", "TPSadmin", ""])(
    "reads %j as a login name, not a TPS code",
    (typed) => {
      expect(readTpsCode(typed)).toBeNull();
    },
  );
});
