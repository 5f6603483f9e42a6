// Builds the whole Pantau server: database, writer, Socket.IO, the API and the Remix app on one http.Server.
// Used by server/index.ts (the command) and by the tests, which start it on port 0.
// Every request passes the security headers, the request boundary and compression on Node's request and
// response; then the API (/api) goes to its own router and everything else to Express and Remix
// (docs/decisions/035-api-router.md).
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import proxyAddr from "proxy-addr";
import { problem } from "~/lib/problems";
import { openDatabase } from "../db/connect";
import { isSeeded, seed } from "../db/seed";
import type { Env } from "~/utils/env.server";
import type { Services } from "~/utils/context.server";
import { createWriter } from "~/utils/writer.server";
import { loadAuditKey } from "~/utils/audit-key.server";
import { loadVoterKey } from "~/utils/voter-key.server";
import { chainKeyWarning, startHeadPublisher } from "~/utils/audit-head.server";
import { createLive, type Live } from "./live";
import { regionSummary } from "~/models/region-summary.server";
import { getPublicRegionSummary } from "~/models/public-region.server";
import { createPublicFeed, signOutSockets } from "./admin-effects";
import { createClusterAdapter } from "./scale-out";
import {
  boundedRequest,
  continueOrRefuse,
  foreignOrigin,
  refuse,
  refuseConnect,
  requestBoundary,
  type BoundaryOptions,
} from "./request-boundary";
import { apiRouter, isApiPath } from "./api-router";
import { remixHandler } from "./remix-handler";
import { securityHeaders } from "./security";
import { startSmsSender } from "~/utils/sms-sender.server";

/** How long an idle HTTP connection stays open for the next request. */
export const KEEP_ALIVE_MS = 65_000;

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export interface Pantau {
  url: string;
  port: number;
  services: Services;
  live: Live;
  close: () => Promise<void>;
}

export async function startPantau(env: Env, log: (line: string) => void = console.log): Promise<Pantau> {
  const dataDir = path.resolve(ROOT, env.PANTAU_DATA_DIR);
  const audit = loadAuditKey({ secret: env.PANTAU_AUDIT_KEY, dataDir });
  if (audit.source === "generated")
    log(`audit key generated in ${audit.file}: back it up apart from the database (docs/SECURITY.md)`);
  const voters = loadVoterKey({ secret: env.PANTAU_VOTER_KEY, dataDir });
  if (voters.source === "generated")
    log(`voter key generated in ${voters.file}: back it up apart from the database (docs/PRIVACY.md)`);
  const db = await openDatabase({ url: env.DATABASE_URL, dataDir, log });
  const warning = await chainKeyWarning({ sql: db.sql, auditKey: audit.key, keyFile: path.join(dataDir, "audit.key") });
  if (warning) log(warning);
  if (env.PANTAU_SEED !== "none" && !(await isSeeded(db.sql))) {
    const counts = await seed(db.sql, { tpsCount: env.PANTAU_SEED === "demo" ? undefined : env.PANTAU_SEED });
    log(`seeded ${counts.tps} TPS`);
  }

  const app = express();
  app.disable("x-powered-by");
  // clientIp serves the public-report rate limit, and the request boundary reads the origin the browser used;
  // behind a reverse proxy set TRUST_PROXY (Express "trust proxy").
  if (env.TRUST_PROXY) app.set("trust proxy", env.TRUST_PROXY);
  const boundary: BoundaryOptions = {
    trustProxy: (address, hop) => (app.get("trust proxy fn") as (a: string, i: number) => boolean)(address, hop),
    allowedOrigins: env.PUBLIC_ORIGIN,
  };
  let handle: (req: IncomingMessage, res: ServerResponse) => void = () => {
    throw new Error("server not ready");
  };
  const httpServer = http.createServer((req, res) => handle(req, res));
  // CONNECT (a proxy tunnel) never reaches Express: answered 405 here, where Node would close silently.
  httpServer.on("connect", (_req, socket) => refuseConnect(socket));
  // Idle keep-alive connections stay open longer than a reverse proxy's (60 s in nginx and the big cloud
  // load balancers): with Node's 5 s, the server closes a connection just as the proxy or a phone reuses it,
  // and that request fails with a reset (the bench saw it between two officers' submissions).
  // (headersTimeout stays Node's 60 s: since Node 18 it counts from a request's first byte, not from idle.)
  httpServer.keepAliveTimeout = KEEP_ALIVE_MS;
  const cluster = createClusterAdapter({ databaseUrl: db.url, mode: env.PANTAU_CLUSTER, redisUrl: env.REDIS_URL, log });
  const live = createLive(httpServer, {
    sql: db.sql,
    adapter: cluster?.adapter,
    // The handshake of a browser on another site is refused like its posts (server/request-boundary.ts).
    crossOrigin: (req) => foreignOrigin(req, boundary),
    summarize: (code) => regionSummary(db.sql, { code, view: { scope: null }, audience: "staff" }),
    // Read through the public cache (dropped on every public change): one reading per area for all viewers.
    summarizePublic: (code) => getPublicRegionSummary(db.sql, { code }),
    tpsMapMax: env.PANTAU_TPS_MAP_MAX,
    heartbeatMs: env.PANTAU_HEARTBEAT_MS,
  });
  // A body announced with `Expect: 100-continue` is screened before the client is told to send it.
  httpServer.on(
    "checkContinue",
    continueOrRefuse(boundary, (req, res) => httpServer.emit("request", req, res)),
  );
  const publicFeed = createPublicFeed({
    sql: db.sql,
    io: live.io,
    minIntervalMs: env.PUBLIC_SUMMARY_MS,
    clustered: Boolean(cluster),
  });
  const writer = createWriter({
    sql: db.sql,
    auditKey: audit.key,
    onCommit: (events) => {
      live.publish(events);
      publicFeed.changed(events);
      signOutSockets(live.io, events);
    },
  });
  const services: Services = { sql: db.sql, writer, env, auditKey: audit.key, voterKey: voters.key };
  const heads = startHeadPublisher({ writer, auditKey: audit.key, intervalMs: env.PANTAU_AUDIT_HEAD_SECONDS * 1000 });
  await heads.publish();
  // The outbound SMS queue: replies a gateway cannot carry in its answer, broadcasts to officers without data.
  const smsSender = startSmsSender(services, { log });

  const front = [securityHeaders(env), requestBoundary(boundary), compression()] as ((
    req: IncomingMessage,
    res: ServerResponse,
    next: () => void,
  ) => unknown)[];

  let vite: import("vite").ViteDevServer | undefined;
  let build: ServerBuild | (() => Promise<ServerBuild>);
  if (env.NODE_ENV === "production") {
    const buildDir = path.join(ROOT, "build");
    // The service worker must be re-checked on every visit, or an officer could be stuck on an old version
    // (so no cache may keep it); it is read from disk each time, so a new build is picked up at once.
    app.get("/sw.js", (_req, res) => {
      res.sendFile(path.join(buildDir, "client/sw.js"), {
        cacheControl: false,
        lastModified: false,
        headers: { "Cache-Control": "no-cache", "Content-Type": "text/javascript; charset=utf-8" },
      });
    });
    app.use("/assets", express.static(path.join(buildDir, "client/assets"), { immutable: true, maxAge: "1y" }));
    app.use(express.static(path.join(buildDir, "client"), { maxAge: "1h" }));
    build = (await import(pathToFileURL(path.join(buildDir, "server/index.js")).href)) as ServerBuild;
  } else {
    const { createServer } = await import("vite");
    vite = await createServer({
      root: ROOT,
      server: { middlewareMode: true, hmr: { server: httpServer } },
      appType: "custom",
    });
    app.use(vite.middlewares);
    build = () => vite!.ssrLoadModule("virtual:remix/server-build") as Promise<ServerBuild>;
  }
  app.all(
    "*",
    remixHandler({
      build,
      mode: env.NODE_ENV,
      getLoadContext: (req, res) => ({
        ...services,
        clientIp: req.ip ?? "",
        cspNonce: res.locals.cspNonce as string | undefined,
      }),
    }),
  );
  const trustProxy = app.get("trust proxy fn") as Parameters<typeof proxyAddr>[1];
  const api = apiRouter({
    build,
    // The same context as the pages' (Express computes req.ip with proxy-addr and the same setting).
    getLoadContext: (req) => ({ ...services, clientIp: proxyAddr(req, trustProxy) }),
  });
  const apiFailed = (req: IncomingMessage, res: ServerResponse, error: unknown) => {
    console.error("API error", error);
    if (res.headersSent) res.destroy();
    else refuse(req, res, problem.internal());
  };
  // The API, or the pages when no API route takes the path (there is none while api.$.ts answers them all).
  const route = (req: IncomingMessage, res: ServerResponse) => {
    const bounded = boundedRequest(req);
    if (!bounded || !isApiPath(bounded.url.pathname)) return void app(req, res);
    void api(req, res, (error?: unknown) => (error ? apiFailed(req, res, error) : app(req, res)));
  };
  handle = (req, res) => {
    let at = 0;
    const next = () => {
      const step = front[at++];
      if (step) void step(req, res, next);
      else route(req, res);
    };
    next();
  };

  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(env.PORT, env.HOST, () => resolve());
  });
  const port = (httpServer.address() as import("node:net").AddressInfo).port;
  const url = `http://localhost:${port}`;

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      // Order matters: stop taking requests and sockets, let queued writes commit, then close the pool.
      // A connection whose request finishes while closing turns idle and would otherwise be kept for
      // KEEP_ALIVE_MS, holding up the close (live.close waits for the HTTP server): close each as it idles.
      httpServer.closeIdleConnections();
      const closeIdle = setInterval(() => httpServer.closeIdleConnections(), 50);
      publicFeed.close();
      heads.close();
      await smsSender.close();
      await live.close().finally(() => clearInterval(closeIdle));
      await cluster?.close();
      httpServer.closeAllConnections();
      await writer.close();
      await vite?.close();
      await db.close();
    })());

  return { url, port, services, live, close };
}
