// The boundary between problems and callers: each problem becomes the status, code and message clients
// rely on, in both languages, whether it reaches an API route, a page action or a Socket.IO ack.
import { describe, expect, it } from "vitest";
import { PROBLEM_CODES, problem, Problem } from "~/lib/problems";
import { handleApi } from "./http.server";
import { pageAction } from "./page-action.server";
import { describeProblem, isCallerProblem, problemAck, problemOf } from "./problem-answer.server";

describe("problem answers", () => {
  it("gives every code a status and a message in both languages", () => {
    for (const code of PROBLEM_CODES) {
      for (const lang of ["id", "en"] as const) {
        const { status, body } = describeProblem(new Problem(code), lang);
        expect(status, code).toBeGreaterThanOrEqual(400);
        expect(body.code).toBe(code);
        expect(body.message, `${code} in ${lang}`).not.toMatch(/^[a-z]+\.[A-Za-z_.]+$/); // a key, not a text
      }
    }
  });

  it("keeps the statuses clients rely on", () => {
    const statuses = Object.fromEntries(PROBLEM_CODES.map((c) => [c, describeProblem(new Problem(c), "id").status]));
    expect(statuses).toMatchObject({
      invalid: 422,
      bad_json: 400,
      unsupported_media_type: 415,
      too_large: 413,
      unauthenticated: 401,
      forbidden: 403,
      other_tps: 403,
      other_account: 409,
      not_found: 404,
      method_not_allowed: 405,
      id_conflict: 409,
      status_backwards: 409,
      rate_limited: 429,
      unavailable: 503,
      internal: 500,
    });
  });

  it("words a problem with its parameters in the caller's language", () => {
    const p = problem.otherTps("1673021001-001");
    expect(describeProblem(p, "id").body).toEqual({
      code: "other_tps",
      message: "Anda hanya boleh mengirim untuk TPS Anda sendiri (1673021001-001).",
    });
    expect(describeProblem(p, "en").body.message).toBe("You may only submit for your own TPS (1673021001-001).");
  });

  it("translates parameters that are message keys", () => {
    const p = problem.conflict("invalid_transition", {
      action: { key: "incident.action.dispatch" },
      status: { key: "incident.status.resolved" },
    });
    const id = describeProblem(p, "id").body.message;
    const en = describeProblem(p, "en").body.message;
    expect(id).not.toBe(en);
    expect(en).not.toMatch(/incident\./);
  });

  it("lists field problems, the answer's message the first field's unless one is given", () => {
    const one = describeProblem(problem.invalidField("tpsCode", "unknown_tps", { tps: "X" }), "en");
    expect(one).toMatchObject({
      status: 422,
      body: { code: "invalid", message: "Unknown TPS X.", errors: [{ field: "tpsCode", code: "unknown_tps" }] },
    });
    expect(one.body.errors?.[0].message).toBe("Unknown TPS X.");
    const many = describeProblem(problem.invalid([{ field: "votes.1", code: "required" }]), "id");
    expect(many.body).toEqual({
      code: "invalid",
      message: "Isian tidak sah.",
      errors: [{ field: "votes.1", code: "required", message: "Wajib diisi." }],
    });
  });

  it("sets Retry-After for rate limits and closes the connection after an unread body", () => {
    expect(describeProblem(problem.tooManyAttempts(600), "en")).toMatchObject({
      status: 429,
      headers: { "Retry-After": "600" },
      body: { code: "too_many_attempts", message: "Too many failed sign-in attempts. Try again in 10 minutes." },
    });
    expect(describeProblem(problem.tooLarge({ closeConnection: true }), "id").headers).toEqual({
      Connection: "close",
    });
  });

  it("treats outages as unavailable and anything else as unexpected", () => {
    expect(problemOf(Object.assign(new Error("down"), { code: "ECONNREFUSED" }))?.code).toBe("unavailable");
    expect(problemOf(new Error("bug"))).toBeNull();
    expect(isCallerProblem(problem.idConflict())).toBe(true);
    expect(isCallerProblem(problem.unavailable())).toBe(false);
  });
});

describe("the three callers answer alike", () => {
  it("an API route answers the JSON error shape", async () => {
    const response = await handleApi("en", async () => {
      throw problem.notFound();
    });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ code: "not_found", message: "Not found." });
  });

  it("an API route answers 503 (try again later) when the database connection broke mid-write", async () => {
    // postgres.js writing to a connection PostgreSQL already closed: EPIPE, not a bug of the request.
    const broken = Object.assign(new Error("This socket has been ended by the other party"), { code: "EPIPE" });
    const response = await handleApi("en", async () => {
      throw broken;
    });
    expect(response.status).toBe(503);
  });

  it("an API route hides unexpected errors behind a 500", async () => {
    const logged = console.error;
    console.error = () => {};
    try {
      const response = await handleApi("id", async () => {
        throw new Error("secret stack");
      });
      expect(response.status).toBe(500);
      expect(await response.json()).toEqual({ code: "internal", message: "Kesalahan server yang tidak terduga." });
    } finally {
      console.error = logged;
    }
  });

  it("a page action answers the same status and words", async () => {
    const answer = await pageAction("en", async () => {
      throw problem.conflict("verified");
    });
    expect(answer.init?.status).toBe(409);
    expect(answer.data).toEqual({
      ok: false,
      message: "This result is verified; only a supervisor can correct it.",
      errors: [],
    });
  });

  it("a Socket.IO ack carries the code and the message", () => {
    expect(problemAck(problem.forbidden(), "en")).toEqual({
      ok: false,
      error: { code: "forbidden", message: "You are not allowed to do this." },
    });
  });
});
