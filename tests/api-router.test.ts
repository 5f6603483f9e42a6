// The API's own router (server/api-router.ts, docs/decisions/035-api-router.md) answers exactly as Remix did:
// every API route module of the build is called through the running server and, with the same request and
// context, through Remix's own request handler, and the two answers must have the same status, the same
// headers (but for the framing and the front's, which both paths share) and the same body. The walk reads the
// routes from the build, so a route added later is covered without new test code, with its path parameters
// and the splat (api.$.ts) filled in. Pages still go through Remix.
import { randomUUID } from "node:crypto";
import { once } from "node:events";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler, type ServerBuild } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiRouter, apiRouteTree, isApiPath } from "../server/api-router";
import { requestBoundary } from "../server/request-boundary";
import { api } from "./support/api";
import { startTestServer, type TestServer } from "./support/server";

let server: TestServer;
let build: ServerBuild;
const http = api(() => server);

beforeAll(async () => {
  // With the SMS gateway's secret, its webhook answers rather than a 503 "not configured".
  server = await startTestServer({ SMS_WEBHOOK_SECRET: "a-secret-of-sixteen-chars" });
  build = (await import(pathToFileURL(path.resolve("build/server/index.js")).href)) as ServerBuild;
});
afterAll(() => server?.stop());

/** Every API route's URL pattern ("/api/v1/tps/:code"), from the build's route manifest. */
function apiPatterns(): string[] {
  const fullPath = (id: string): string => {
    const route = build.routes[id];
    const parent = route.parentId ? fullPath(route.parentId) : "";
    return [parent, route.path ?? ""].filter(Boolean).join("/");
  };
  return [...new Set(Object.keys(build.routes).map((id) => `/${fullPath(id)}`))].filter(isApiPath).sort();
}

// Values that reach a route's real work where a parameter is checked (a TPS that exists, an import kind).
const PARAMS: Record<string, string[]> = {
  code: ["1673011001-001", "16.73", "x1"],
  id: [randomUUID(), "x1"],
  kind: ["tps", "x1"],
};
function urlsOf(pattern: string): string[] {
  let urls = [pattern.replace(/\*$/, "anything/deeper")];
  for (const [, name] of pattern.matchAll(/:([^/]+)/g)) {
    const values = PARAMS[name] ?? ["x1"];
    urls = urls.flatMap((url) => values.map((value) => url.replace(`:${name}`, encodeURIComponent(value))));
  }
  return urls;
}

// Set by the front (security headers, compression) or by Node's framing, the same on either path.
const FRONT = new Set([
  "date",
  "connection",
  "keep-alive",
  "transfer-encoding",
  "content-length",
  "content-encoding",
  "vary",
  "x-content-type-options",
  "referrer-policy",
  "x-frame-options",
  "permissions-policy",
  "cross-origin-opener-policy",
  "cross-origin-resource-policy",
  "content-security-policy",
]);
const routeHeaders = (headers: Headers) =>
  Object.fromEntries([...headers].filter(([name]) => !FRONT.has(name.toLowerCase())).sort());

interface Ask {
  method: string;
  url: string;
  token?: string;
  body?: string;
  headers?: Record<string, string>;
}

async function both({ method, url, token, body, headers = {} }: Ask) {
  const init = () => ({
    method,
    headers: {
      ...headers,
      ...(body !== undefined ? { "Content-Type": "application/json" } : {}),
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
    ...(body !== undefined ? { body } : {}),
  });
  const viaRouter = await fetch(`${server.url}${url}`, { ...init(), redirect: "manual" });
  const handler = createRequestHandler(build, "production");
  const viaRemix = await handler(new Request(`${server.url}${url}`, init()), {
    ...server.services,
    clientIp: "127.0.0.1",
  });
  return {
    router: { status: viaRouter.status, headers: viaRouter.headers, body: await viaRouter.text() },
    remix: { status: viaRemix.status, headers: viaRemix.headers, body: await viaRemix.text() },
  };
}

/** Answers read at two moments differ in the time they were read (a summary's `asOf`), nothing else. */
const sameMoment = (body: string) => body.replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g, "<time>");

describe("the API router", () => {
  it("reads every API route module of the build, a parameter and the splat among them", () => {
    const patterns = apiPatterns();
    expect(patterns).toContain("/api/*");
    expect(patterns).toContain("/api/v1/tps/:code");
    expect(patterns).toContain("/api/v1/incidents/:id/transitions");
    const routes = apiRouteTree(build)[0].children!;
    expect(routes.length).toBeGreaterThan(20);
  });

  it("answers every API route as Remix's handler does: status, headers and body", async () => {
    const admin = await http.login("admin");
    const officer = await http.login("1673011001-001");
    const differences: string[] = [];
    let walked = 0;
    for (const pattern of apiPatterns()) {
      for (const url of urlsOf(pattern)) {
        const asks: Ask[] = [
          ...["GET", "HEAD", "OPTIONS"].flatMap((method) =>
            [undefined, admin, officer].map((token) => ({ method, url, token })),
          ),
          // Changes without a session, or with a body that cannot pass: nothing is written.
          ...["POST", "PUT", "PATCH", "DELETE"].map((method) => ({ method, url, body: "{}" })),
          { method: "POST", url, token: officer, body: "{not json" },
          { method: "GET", url: `${url}?lang=en`, headers: { "Accept-Language": "en" } },
        ];
        for (const ask of asks) {
          walked++;
          const { router, remix } = await both(ask);
          const what = `${ask.method} ${ask.url}${ask.token ? " (session)" : ""}`;
          if (router.status !== remix.status) differences.push(`${what}: status ${router.status} vs ${remix.status}`);
          else if (sameMoment(router.body) !== sameMoment(remix.body))
            differences.push(`${what}: body ${router.body} vs ${remix.body}`);
          else if (JSON.stringify(routeHeaders(router.headers)) !== JSON.stringify(routeHeaders(remix.headers)))
            differences.push(
              `${what}: headers ${JSON.stringify(routeHeaders(router.headers))} vs ${JSON.stringify(routeHeaders(remix.headers))}`,
            );
          if (router.status >= 500) differences.push(`${what}: ${router.status}`);
          // The front's security headers are on every answer of the API too.
          expect(router.headers.get("x-content-type-options"), what).toBe("nosniff");
          expect(router.headers.get("x-frame-options"), what).toBe("DENY");
          expect(router.headers.get("content-security-policy"), what).toMatch(/frame-ancestors 'none'/);
        }
      }
    }
    expect(walked).toBeGreaterThan(300);
    expect(differences).toEqual([]);
  }, 120_000);

  it("answers an unknown API path, in any case and encoding, with the JSON 404 of api.$.ts", async () => {
    for (const url of [
      "/api",
      "/api/v2/nothing",
      "/API/v1/nothing",
      "/%61pi/v1/nothing",
      "/api/v1/contests/x/y",
      "/api/v1/contests.data",
    ]) {
      const res = await fetch(`${server.url}${url}`);
      expect(res.status, url).toBe(404);
      expect(res.headers.get("content-type"), url).toBe("application/json; charset=utf-8");
      expect(await res.json(), url).toMatchObject({ code: "not_found" });
    }
  });

  it("serves a route in another case or percent-encoded, as Remix matched it", async () => {
    for (const url of ["/API/V1/CONTESTS", "/api/v1/%63ontests"]) {
      const { router, remix } = await both({ method: "GET", url, token: await http.login("posko") });
      expect(router.status, url).toBe(200);
      expect(router.body, url).toBe(remix.body);
    }
  });

  it("never answers 5xx to hostile input on any API route", async () => {
    const hostile = [
      "/api/v1/tps/%00",
      "/api/v1/tps/%E0%A4%A",
      `/api/v1/tps/${"9".repeat(5000)}`,
      "/api/v1/incidents/..%2F..%2Fetc%2Fpasswd",
      "/api/v1/events?after=-1e309",
      "/api/v1/public/reports/%F0%9F%98%80",
      "/api/v1/photos/%25",
      "/api/..%2Fv1/contests",
    ];
    for (const url of hostile) {
      for (const method of ["GET", "POST", "DELETE"]) {
        const res = await fetch(`${server.url}${url}`, {
          method,
          headers: { "Content-Type": "application/json" },
          ...(method === "GET" ? {} : { body: '{"__proto__":{"x":1},"tpsCode":[[[]]]}' }),
        });
        expect(res.status, `${method} ${url}`).toBeLessThan(500);
        expect(res.headers.get("content-type"), `${method} ${url}`).toMatch(/^application\/json/);
      }
    }
  });

  it("leaves pages to Remix: a page answers HTML with the CSP nonce on its scripts", async () => {
    const res = await fetch(`${server.url}/publik`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    const nonce = /'nonce-([^']+)'/.exec(res.headers.get("content-security-policy") ?? "")?.[1];
    expect(nonce).toBeTruthy();
    expect(await res.text()).toContain(`nonce="${nonce}"`);
  });
});

describe("the API router around a route's answer, as Remix does it", () => {
  // Routes no real module has (yet): a thrown Response, data instead of a Response, a failure, a HEAD.
  const failures: unknown[] = [];
  const module = (m: object) => m as ServerBuild["routes"][string]["module"];
  const routes = {
    root: { id: "root", path: "", module: module({ default: () => null }) },
    "routes/api.$": {
      id: "routes/api.$",
      parentId: "root",
      path: "api/*",
      module: module({ loader: ({ params }: { params: object }) => Response.json({ splat: params }) }),
    },
    "routes/api.things.$id": {
      id: "routes/api.things.$id",
      parentId: "root",
      path: "api/things/:id",
      module: module({
        loader: ({ params, request }: { params: { id: string }; request: Request }) => {
          if (params.id === "thrown") throw Response.json({ thrown: true }, { status: 418 });
          if (params.id === "redirect") throw Response.redirect("http://localhost/elsewhere", 302);
          if (params.id === "data") return { data: params.id };
          if (params.id === "fails") throw new Error("a bug");
          return Response.json({ id: params.id, method: request.method });
        },
      }),
    },
    "routes/api.things.mine": {
      id: "routes/api.things.mine",
      parentId: "root",
      path: "api/things/mine",
      module: module({ action: () => Response.json({ static: true }, { status: 201 }) }),
    },
  };
  const build = {
    routes,
    entry: { module: { handleError: (error: unknown) => failures.push(error) } },
  } as unknown as ServerBuild;
  let fake: Server;
  let url: string;

  beforeAll(async () => {
    const boundary = requestBoundary({ trustProxy: () => false, allowedOrigins: [] });
    const router = apiRouter({ build, getLoadContext: () => server.services });
    fake = createServer((req, res) =>
      boundary(req, res, () =>
        router(req, res, (error) => {
          res.statusCode = error ? 599 : 598;
          res.end();
        }),
      ),
    );
    fake.listen(0, "127.0.0.1");
    await once(fake, "listening");
    url = `http://127.0.0.1:${(fake.address() as AddressInfo).port}`;
  });
  afterAll(() => fake?.close());

  it("matches params and the splat with Remix's precedence: a static segment before a parameter", async () => {
    expect(await (await fetch(`${url}/api/things/a%20b`)).json()).toEqual({ id: "a b", method: "GET" });
    expect(await (await fetch(`${url}/api/things/x/y`)).json()).toEqual({ splat: { "*": "things/x/y" } });
    const mine = await fetch(`${url}/api/things/mine`, { method: "POST" });
    expect([mine.status, await mine.json()]).toEqual([201, { static: true }]);
  });

  it("answers a thrown Response marked as Remix marks it, also one whose headers cannot change", async () => {
    const thrown = await fetch(`${url}/api/things/thrown`);
    expect([thrown.status, thrown.headers.get("x-remix-catch"), await thrown.json()]).toEqual([
      418,
      "yes",
      { thrown: true },
    ]);
    const redirect = await fetch(`${url}/api/things/redirect`, { redirect: "manual" });
    expect([redirect.status, redirect.headers.get("location"), redirect.headers.get("x-remix-catch")]).toEqual([
      302,
      "http://localhost/elsewhere",
      "yes",
    ]);
  });

  it("answers data as JSON, a failure as Remix's 500 (reported once), HEAD without a body", async () => {
    const data = await fetch(`${url}/api/things/data`);
    expect([data.status, data.headers.get("content-type"), await data.json()]).toEqual([
      200,
      "application/json; charset=utf-8",
      { data: "data" },
    ]);
    const fails = await fetch(`${url}/api/things/fails`);
    expect([fails.status, await fails.text()]).toEqual([500, "Unexpected Server Error"]);
    expect(failures).toHaveLength(1);
    expect(String(failures[0])).toMatch(/a bug/);
    const head = await fetch(`${url}/api/things/x`, { method: "HEAD" });
    expect([head.status, head.headers.get("content-type"), await head.text()]).toEqual([200, "application/json", ""]);
  });

  it("answers a method without its handler as Remix does: 400 for a read, 405 for a change", async () => {
    const get = await fetch(`${url}/api/things/mine`);
    expect([get.status, get.headers.get("x-remix-error"), await get.json()]).toEqual([
      400,
      "yes",
      { message: "Unexpected Server Error" },
    ]);
    const post = await fetch(`${url}/api/things/x`, { method: "POST" });
    expect(post.status).toBe(405);
  });
});
