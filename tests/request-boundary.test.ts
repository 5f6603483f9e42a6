// The request boundary, tried as an attacker would (docs/SECURITY.md, "Every request is bounded"): bodies over
// their route's cap, with and without Content-Length, chunked or not; hostile methods and request targets over
// raw TCP; browser requests from another site, to every route and to the Socket.IO handshake. The walks read
// the routes from the Remix build, so a new route is covered without new test code.
import { once } from "node:events";
import net from "node:net";
import { pathToFileURL } from "node:url";
import path from "node:path";
import type { ServerBuild } from "@remix-run/node";
import { io } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BODY_LIMITS, bodyLimit } from "~/utils/body-limits.server";
import { SESSION_COOKIE } from "~/utils/auth.server";
import { MAX_SOCKET_MESSAGE_BYTES } from "../server/live";
import { LINGER } from "../server/request-boundary";
import { api } from "./support/api";
import { startTestServer, type TestServer } from "./support/server";

const EVIL = "https://evil.example";
const MB = 1024 * 1024;

let server: TestServer;
const http = api(() => server);
let routePaths: string[];

/** Every route's URL pattern ("/api/v1/tps/:code"), from the production build's route manifest. */
async function readRoutePaths(): Promise<string[]> {
  const build = (await import(pathToFileURL(path.resolve("build/server/index.js")).href)) as ServerBuild;
  const fullPath = (id: string): string => {
    const route = build.routes[id];
    const parent = route.parentId ? fullPath(route.parentId) : "";
    return [parent, route.path ?? ""].filter(Boolean).join("/");
  };
  return [...new Set(Object.keys(build.routes).map((id) => `/${fullPath(id)}`))].sort();
}

/** A URL of a route pattern: parameters and splats filled with a harmless value. */
const urlOf = (pattern: string) => pattern.replace(/:[^/]+/g, "x1").replace(/\*$/, "anything");

const isApi = (p: string) => p.startsWith("/api/");

beforeAll(async () => {
  server = await startTestServer({ SMS_WEBHOOK_SECRET: "a-secret-of-sixteen-chars" });
  routePaths = await readRoutePaths();
});
afterAll(() => server?.stop());

/** What came back on a raw connection: the status, the whole answer as text, and whether the server closed it. */
interface RawAnswer {
  status: number;
  text: string;
  /** Body bytes the client managed to hand to the connection before it closed (pour only). */
  sent: number;
}

const statusOf = (text: string) => Number(/^HTTP\/1\.[01] (\d{3})/.exec(text)?.[1] ?? 0);

/** Sends `request` as is over TCP and reads the answer until the server closes the connection. */
async function rawRequest(request: string | Buffer): Promise<RawAnswer> {
  const socket = net.connect(server.port, "127.0.0.1");
  let text = "";
  socket.on("data", (d) => (text += d.toString("latin1")));
  socket.on("error", () => {});
  socket.write(request);
  await once(socket, "close");
  return { status: statusOf(text), text, sent: 0 };
}

/**
 * Opens a request with `head` and pours up to `total` body bytes into it (as chunks with `chunked`), waiting
 * for the connection to take each one, until the server closes the connection or everything was sent; then
 * reads the answer. A server that stops reading closes long before a large body is sent.
 */
async function pour(head: string, total: number, { chunked = false } = {}): Promise<RawAnswer> {
  const socket = net.connect(server.port, "127.0.0.1");
  await once(socket, "connect");
  let text = "";
  let closed = false;
  socket.on("data", (d) => (text += d.toString("latin1")));
  socket.on("error", () => (closed = true));
  socket.on("close", () => (closed = true));
  // The server's FIN after its answer: a client stops sending then, as browsers and curl do.
  socket.on("end", () => (closed = true));
  const ready = () =>
    new Promise<void>((resolve) => {
      const done = () => {
        socket.off("drain", done);
        socket.off("close", done);
        resolve();
      };
      socket.on("drain", done);
      socket.on("close", done);
    });
  socket.write(head);
  const chunk = Buffer.alloc(64 * 1024, "a");
  const framed = chunked
    ? Buffer.concat([Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from("\r\n")])
    : chunk;
  let sent = 0;
  while (sent < total && !closed) {
    const piece = sent + chunk.length > total && !chunked ? chunk.subarray(0, total - sent) : framed;
    sent += chunked ? chunk.length : piece.length;
    if (!socket.write(piece)) await ready();
  }
  if (!closed) {
    if (chunked) socket.write("0\r\n\r\n");
    await once(socket, "close");
  }
  return { status: statusOf(text), text, sent };
}

describe("body caps", () => {
  it("caps every path in the table at a route of the app, and the login form under 1 KB", () => {
    // A path may also name one value of a route's parameter (the voter-list import gets more room than the
    // other kinds of `/api/v1/admin/imports/:kind`).
    const fits = (path: string, route: string) =>
      path.split("/").length === route.split("/").length &&
      route.split("/").every((s, i) => s.startsWith(":") || s === path.split("/")[i]);
    for (const pattern of Object.keys(BODY_LIMITS))
      expect(
        routePaths.some((route) => route === pattern || fits(pattern, route)),
        pattern,
      ).toBe(true);
    expect(bodyLimit("/login", "application/x-www-form-urlencoded")).toBeLessThanOrEqual(1024);
    // Remix's single-fetch data requests, another case and percent-encoding reach the same route: the same cap.
    for (const same of ["/login.data", "/LOGIN", "/%6Cogin", "/login/"])
      expect(bodyLimit(same, null), same).toBe(bodyLimit("/login", null));
    // A route nobody listed gets the default, the same as a path no route has.
    expect(bodyLimit("/a/route/added/later", null)).toBe(bodyLimit("/api/v1/quick-counts", null));
  });

  it("refuses a body over its route's cap by Content-Length on every route, 413 and the connection closed", async () => {
    const failures: string[] = [];
    for (const pattern of routePaths) {
      for (const type of ["application/json", "multipart/form-data; boundary=x"]) {
        const limit = bodyLimit(pattern, type);
        const res = await fetch(`${server.url}${urlOf(pattern)}`, {
          method: "POST",
          headers: { "Content-Type": type },
          body: new Uint8Array(limit + 1),
        });
        const body = await res.text();
        if (res.status !== 413 || res.headers.get("connection") !== "close")
          failures.push(`${pattern} ${type}: ${res.status} ${res.headers.get("connection")}`);
        else if (isApi(pattern)) expect(JSON.parse(body)).toMatchObject({ code: "too_large" });
        else expect(body).toMatch(/terlalu besar/);
      }
    }
    expect(failures).toEqual([]);
  });

  it("refuses a chunked body at its route's cap on every route, without reading the rest", async () => {
    const failures: string[] = [];
    for (const pattern of routePaths) {
      const limit = bodyLimit(pattern, "application/x-www-form-urlencoded");
      // Past the cap the server answers, sends its FIN and drains what still comes into nothing (so the
      // answer is not lost to a reset) until the client stops: here after the few MB loopback's kernel
      // buffers take before this client gets to read.
      const answer = await pour(
        `POST ${urlOf(pattern)} HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n\r\n`,
        limit + 2 * LINGER.bytes,
        { chunked: true },
      );
      if (answer.status !== 413 || !/connection: close/i.test(answer.text) || answer.sent >= limit + LINGER.bytes)
        failures.push(`${pattern}: ${answer.status} after ${answer.sent} bytes`);
    }
    expect(failures).toEqual([]);
  });

  it("stops reading a 200 MB body at once and does not grow the server's memory, announced or chunked", async () => {
    const total = 200 * MB;
    const before = process.memoryUsage().rss;
    const announced = await pour(
      `POST /login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${total}\r\n\r\n`,
      total,
    );
    expect(announced.status).toBe(413);
    expect(announced.sent).toBeLessThan(total / 8);
    for (const route of ["/api/v1/public/reports", "/publik/lapor", "/api/v1/photos", "/language"]) {
      const chunked = await pour(
        `POST ${route} HTTP/1.1\r\nHost: localhost\r\nContent-Type: multipart/form-data; boundary=x\r\nTransfer-Encoding: chunked\r\n\r\n`,
        total,
        { chunked: true },
      );
      expect(chunked.status, route).toBe(413);
      expect(chunked.sent, route).toBeLessThan(total / 8);
    }
    // The server runs in this process: 1 GB was offered, and memory grew by far less than one body.
    expect(process.memoryUsage().rss - before).toBeLessThan(100 * MB);
  });

  it("refuses an over-cap body announced with Expect: 100-continue before the client sends it", async () => {
    const answer = await rawRequest(
      `POST /api/v1/session HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: ${10 * MB}\r\nExpect: 100-continue\r\n\r\n`,
    );
    expect(answer.status).toBe(413);
    expect(answer.text).not.toMatch(/100 Continue/);
    expect(JSON.parse(answer.text.split("\r\n\r\n")[1])).toMatchObject({ code: "too_large" });
  });

  it("takes bodies within the cap: a photo of its real size, the login form", async () => {
    const officer = await http.login("1673081002-001");
    const form = new FormData();
    form.set("id", crypto.randomUUID());
    form.set("purpose", "incident");
    form.set("tpsCode", "1673081002-001");
    // A valid PNG header padded to 3 MB: over the default cap, under the photo route's.
    const png = Buffer.concat([
      Buffer.from("89504e470d0a1a0a0000000d4948445200000001000000010806000000", "hex"),
      Buffer.alloc(3 * MB),
    ]);
    form.set("photo", new Blob([new Uint8Array(png)], { type: "image/png" }), "big.png");
    const photo = await http.multipart("/api/v1/photos", form, officer);
    expect(photo.status).not.toBe(413);
    expect(photo.status).toBeLessThan(500);
    const login = await http.form("/login", { login: "1673081002-001", secret: "123456", redirectTo: "/officer" });
    expect(login.status).toBe(302);
  });

  it("caps Socket.IO's long-polling bodies too, announced or counted, and closes the connection", async () => {
    const announced = await rawRequest(
      `POST /socket.io/?EIO=4&transport=polling&sid=x HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/plain\r\nContent-Length: ${MAX_SOCKET_MESSAGE_BYTES + 1}\r\n\r\n`,
    );
    expect(announced.status).toBe(413);
    const open = await fetch(`${server.url}/socket.io/?EIO=4&transport=polling`);
    const sid = (JSON.parse((await open.text()).slice(1)) as { sid: string }).sid;
    const counted = await pour(
      `POST /socket.io/?EIO=4&transport=polling&sid=${sid} HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n`,
      50 * MB,
      { chunked: true },
    );
    expect(counted.status).toBe(413);
    expect(counted.sent).toBeLessThan(50 * MB);
  });
});

describe("hostile requests over raw TCP", () => {
  const cases: [string, string][] = [
    ["TRACE", "TRACE / HTTP/1.1\r\nHost: localhost\r\n\r\n"],
    ["TRACK", "TRACK / HTTP/1.1\r\nHost: localhost\r\n\r\n"],
    ["CONNECT", "CONNECT evil.example:443 HTTP/1.1\r\nHost: evil.example:443\r\n\r\n"],
    ["PROPFIND", "PROPFIND /api/v1/snapshot HTTP/1.1\r\nHost: localhost\r\n\r\n"],
    ["absolute-form", "GET http://evil.example/x HTTP/1.1\r\nHost: localhost\r\n\r\n"],
    [
      "absolute-form post",
      "POST http://evil.example/login HTTP/1.1\r\nHost: localhost\r\nContent-Length: 3\r\n\r\na=b",
    ],
    ["absolute-form to an API", "GET http://localhost/api/v1/snapshot HTTP/1.1\r\nHost: localhost\r\n\r\n"],
    ["* target", "OPTIONS * HTTP/1.1\r\nHost: localhost\r\n\r\n"],
    ["* target with GET", "GET * HTTP/1.1\r\nHost: localhost\r\n\r\n"],
    ["Host with a bad port", "GET /login HTTP/1.1\r\nHost: localhost:abc\r\n\r\n"],
    ["Host with a path", "GET /login HTTP/1.1\r\nHost: evil.example/x\r\n\r\n"],
    ["Host with spaces", "GET /login HTTP/1.1\r\nHost: a b\r\n\r\n"],
    ["HTTP/1.0 without Host", "GET /login HTTP/1.0\r\n\r\n"],
    ["bad percent-encoding", "GET /publik/tps/%E0%A4%A HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"],
    ["TRACE on an API route", "TRACE /api/v1/session HTTP/1.1\r\nHost: localhost\r\n\r\n"],
  ];

  it.each(cases)("%s gets a 4xx (or a page), never a 5xx or a silent close", async (_name, request) => {
    const answer = await rawRequest(request);
    expect(answer.status, answer.text.slice(0, 300)).toBeGreaterThanOrEqual(200);
    expect(answer.status, answer.text.slice(0, 300)).toBeLessThan(500);
  });

  it("names the refusal: 405 with Allow for TRACE and CONNECT, 400 for foreign targets", async () => {
    const trace = await rawRequest("TRACE /api/v1/session HTTP/1.1\r\nHost: localhost\r\n\r\n");
    expect(trace.status).toBe(405);
    expect(trace.text).toMatch(/Allow: GET, HEAD, POST/i);
    expect(JSON.parse(trace.text.split("\r\n\r\n")[1])).toMatchObject({ code: "method_not_allowed" });
    expect((await rawRequest("CONNECT evil.example:443 HTTP/1.1\r\nHost: evil.example:443\r\n\r\n")).status).toBe(405);
    expect((await rawRequest("GET http://evil.example/x HTTP/1.1\r\nHost: localhost\r\n\r\n")).status).toBe(400);
    expect((await rawRequest("OPTIONS * HTTP/1.1\r\nHost: localhost\r\n\r\n")).status).toBe(400);
  });
});

describe("requests from another site", () => {
  const methods = ["POST", "PUT", "PATCH", "DELETE"];

  it("refuses a browser's state-changing request from another origin on every route, 403 with a message", async () => {
    const failures: string[] = [];
    for (const pattern of routePaths) {
      for (const method of methods) {
        const res = await fetch(`${server.url}${urlOf(pattern)}`, {
          method,
          headers: { Origin: EVIL, "Content-Type": "application/x-www-form-urlencoded" },
          body: "a=b",
        });
        const text = await res.text();
        if (res.status !== 403 || !text.includes("evil.example")) failures.push(`${method} ${pattern}: ${res.status}`);
        if (isApi(pattern) && res.status === 403) expect(JSON.parse(text)).toMatchObject({ code: "forbidden" });
      }
      // Without Origin, a browser's Sec-Fetch-Site still says where the request came from.
      const bySite = await fetch(`${server.url}${urlOf(pattern)}`, {
        method: "POST",
        headers: { "Sec-Fetch-Site": "cross-site", "Content-Type": "application/x-www-form-urlencoded" },
        body: "a=b",
      });
      if (bySite.status !== 403) failures.push(`POST ${pattern} (Sec-Fetch-Site): ${bySite.status}`);
      // An Origin of "null" (a sandboxed frame, a privacy redirect) is not this server's either.
      const opaque = await fetch(`${server.url}${urlOf(pattern)}`, { method: "POST", headers: { Origin: "null" } });
      if (opaque.status !== 403) failures.push(`POST ${pattern} (Origin null): ${opaque.status}`);
    }
    expect(failures).toEqual([]);
  });

  it("answers every route's junk post from a client without Origin with a 4xx, never a 5xx", async () => {
    const failures: string[] = [];
    const bodies: [string, string][] = [
      ["text/plain", "x"],
      ["application/json", "{}"],
      ["application/x-www-form-urlencoded", "a=b&%zz"],
      ["multipart/form-data; boundary=x", "--x\r\nbroken"],
      ["multipart/form-data", "no boundary"],
    ];
    for (const pattern of routePaths) {
      for (const [type, body] of bodies) {
        for (const method of ["POST", "PUT", "DELETE"]) {
          const res = await fetch(`${server.url}${urlOf(pattern)}`, {
            method,
            headers: { "Content-Type": type },
            body,
            redirect: "manual",
          });
          await res.arrayBuffer();
          if (res.status >= 500) failures.push(`${method} ${pattern} ${type}: ${res.status}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it("lets the same origin through, as a browser on Pantau's own pages sends it", async () => {
    const res = await fetch(`${server.url}/language`, {
      method: "POST",
      redirect: "manual",
      headers: {
        Origin: server.url,
        "Sec-Fetch-Site": "same-origin",
        "Content-Type": "application/x-www-form-urlencoded",
      },
      body: "lang=en&redirectTo=/publik",
    });
    expect(res.status).toBe(302);
    expect(res.headers.get("set-cookie")).toMatch(/pantau_lang=en/);
    // The origin in another spelling is still the same origin.
    const upper = await fetch(`${server.url.replace("localhost", "LOCALHOST")}/language`, {
      method: "POST",
      redirect: "manual",
      headers: { Origin: server.url.replace("http://localhost", "HTTP://LocalHost") },
      body: new URLSearchParams({ lang: "id" }),
    });
    expect(upper.status).toBe(302);
  });

  it("never logs out on GET, nor on a post from another site", async () => {
    const token = await http.login("1673081003-001");
    const cookie = `${SESSION_COOKIE}=${token}`;
    const stillIn = async () => (await http.get("/api/v1/session", token)).status === 200;
    const get = await fetch(`${server.url}/logout`, { headers: { Cookie: cookie }, redirect: "manual" });
    expect(get.status).toBe(302);
    expect(await stillIn()).toBe(true);
    const foreign = await fetch(`${server.url}/logout`, {
      method: "POST",
      redirect: "manual",
      headers: { Cookie: cookie, Origin: EVIL, "Content-Type": "application/x-www-form-urlencoded" },
      body: "",
    });
    expect(foreign.status).toBe(403);
    expect(await stillIn()).toBe(true);
    // The service worker's logout: an empty POST from the app's own origin.
    const own = await fetch(`${server.url}/logout`, {
      method: "POST",
      redirect: "manual",
      headers: { Cookie: cookie, Origin: server.url },
    });
    expect(own.status).toBe(302);
    expect(await stillIn()).toBe(false);
  });

  it("refuses a Socket.IO handshake from another site and lets the app's own and non-browser clients in", async () => {
    const connect = (headers: Record<string, string>, transport: "websocket" | "polling") =>
      new Promise<string>((resolve) => {
        const socket = io(server.url, {
          transports: [transport],
          reconnection: false,
          forceNew: true,
          extraHeaders: headers,
          auth: { public: true },
        });
        socket.once("connect", () => {
          socket.close();
          resolve("connected");
        });
        socket.once("connect_error", (error) => {
          socket.close();
          resolve(`refused: ${error.message}`);
        });
      });
    for (const transport of ["websocket", "polling"] as const) {
      expect(await connect({ Origin: EVIL }, transport), transport).toMatch(/^refused/);
      expect(await connect({ "Sec-Fetch-Site": "cross-site" }, transport), transport).toMatch(/^refused/);
      expect(await connect({ Origin: server.url }, transport), transport).toBe("connected");
      expect(await connect({}, transport), transport).toBe("connected");
    }
  });
});

describe("behind a reverse proxy", () => {
  const proxied = {
    Host: "127.0.0.1:3000",
    "X-Forwarded-Host": "pantau.example.org",
    "X-Forwarded-Proto": "https",
    Origin: "https://pantau.example.org",
    "Content-Type": "application/x-www-form-urlencoded",
  };
  const post = (target: TestServer, headers: Record<string, string>) =>
    fetch(`${target.url}/language`, { method: "POST", redirect: "manual", headers, body: "lang=en" });

  it("takes the origin the browser saw from a trusted proxy's X-Forwarded headers, and only from a trusted one", async () => {
    const behind = await startTestServer({ TRUST_PROXY: "loopback" });
    try {
      expect((await post(behind, proxied)).status).toBe(302);
      expect((await post(behind, { ...proxied, Origin: "http://pantau.example.org" })).status).toBe(403);
      expect((await post(behind, { ...proxied, Origin: EVIL })).status).toBe(403);
    } finally {
      await behind.stop();
    }
    // Without TRUST_PROXY anyone could send X-Forwarded-Host: it is not believed.
    expect((await post(server, proxied)).status).toBe(403);
  });

  it("accepts the origins listed in PUBLIC_ORIGIN", async () => {
    const listed = await startTestServer({ PUBLIC_ORIGIN: "https://pantau.example.org, https://cadangan.example.org" });
    try {
      const { "X-Forwarded-Host": _h, "X-Forwarded-Proto": _p, ...plain } = proxied;
      expect((await post(listed, plain)).status).toBe(302);
      expect((await post(listed, { ...plain, Origin: "https://cadangan.example.org" })).status).toBe(302);
      expect((await post(listed, { ...plain, Origin: EVIL })).status).toBe(403);
    } finally {
      await listed.stop();
    }
  });
});
