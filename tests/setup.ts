// A test fails on an unexpected console.error: errors nobody asserted on are bugs.
import { afterEach, beforeEach, vi } from "vitest";

let errors: unknown[][] = [];
beforeEach(() => {
  errors = [];
  vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
    errors.push(args);
  });
});
afterEach(() => {
  vi.restoreAllMocks();
  if (errors.length)
    throw new Error(`unexpected console.error: ${errors.map((a) => a.map(String).join(" ")).join("\n")}`);
});
