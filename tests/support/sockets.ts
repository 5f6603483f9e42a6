// Real socket.io-client connections to a test server, each recording every event it is pushed, and closed
// by the file's afterEach/afterAll so a failing test leaves no connection behind.
import { io, type Socket } from "socket.io-client";
import type { LiveEvent } from "../../app/lib/events";

export interface LiveClient {
  socket: Socket;
  /** Every event pushed to this client, one by one or in a batch, in arrival order. */
  received: LiveEvent[];
  /** Settles when the server accepted (or refused) the connection. */
  ready: Promise<void>;
  /** The first received event that matches; fails after about five seconds. */
  waitFor: (match: (e: LiveEvent) => boolean) => Promise<LiveEvent>;
}

export type ResumeAnswer =
  | { ok: true; data: { events: LiveEvent[]; more: boolean; head: number } }
  | { ok: false; error: { code: string; message?: string } };

/** The handshake's `auth`: a session token, the public page's `{ public: true }`, or nothing (anonymous). */
export type LiveAuth = { token?: unknown; public?: unknown };

/** Opens a connection; `{ token }` as a logged-in user, `{ public: true }` as the public page. */
export function openLive(url: string, auth: LiveAuth = {}): LiveClient {
  const socket = io(url, {
    auth,
    transports: ["websocket"],
    reconnection: false,
    forceNew: true,
  });
  const received: LiveEvent[] = [];
  socket.on("event", (e: LiveEvent) => received.push(e));
  socket.on("events", (list: LiveEvent[]) => received.push(...list));
  const ready = new Promise<void>((resolve, reject) => {
    socket.once("connect", () => resolve());
    socket.once("connect_error", reject);
  });
  // A test that expects a refusal awaits `ready` itself; nobody else should see an unhandled rejection.
  ready.catch(() => {});
  const waitFor = async (match: (e: LiveEvent) => boolean) => {
    for (let i = 0; i < 100; i++) {
      const found = received.find(match);
      if (found) return found;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`no matching event among ${received.map((e) => e.type).join(", ")}`);
  };
  return { socket, received, ready, waitFor };
}

/** Asks the server for the events after `after`, as a dashboard does after a reconnect. */
export function resume(socket: Socket, after: unknown) {
  return socket.timeout(5000).emitWithAck("resume", { after }) as Promise<ResumeAnswer>;
}

/** The connections a test file opened; `closeAll` in afterEach or afterAll. */
export function liveClients() {
  const open: Socket[] = [];
  return {
    /** Opens a connection and waits until the server accepted it. */
    async connect(url: string, auth: LiveAuth = {}) {
      const client = this.open(url, auth);
      await client.ready;
      return client;
    },
    /** Opens a connection without waiting, for tests that watch the handshake itself. */
    open(url: string, auth: LiveAuth = {}) {
      const client = openLive(url, auth);
      open.push(client.socket);
      return client;
    },
    closeAll() {
      for (const socket of open.splice(0)) socket.close();
    },
  };
}

/** Polls `check` every 25 ms, up to `tries` times. */
export async function until(check: () => boolean, what: string, tries = 200) {
  for (let i = 0; i < tries; i++) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}

export type AreasAnswer = { ok: true; seq: number; events: LiveEvent[]; more: boolean } | { ok: false; code: string };

/** Opens areas on a dashboard's connection (`areas:open`), optionally catching up after a sequence number. */
export function openAreas(socket: Socket, areas: unknown, after?: number) {
  return socket
    .timeout(5000)
    .emitWithAck("areas:open", after === undefined ? { areas } : { areas, after }) as Promise<AreasAnswer>;
}
