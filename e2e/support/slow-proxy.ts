// A phone's bad link between the browser and Pantau, as a TCP proxy on loopback: every byte, the service
// worker's own downloads included, crosses one shared link of limited bandwidth with a round-trip delay
// (browser-side throttling in DevTools does not slow a service worker's fetches). The link can also fail
// the way it fails on the day: "refuse" (the server is unreachable: connections are reset at once) and
// "blackhole" (signal but no data: connections open and nothing ever comes back), and "stall" (the path stops
// forwarding without closing anything, as a proxy or a congested mobile network does: bytes wait, connections
// stay open, and all of it flows again, in order, when the link is back up).
import net from "node:net";

export type LinkMode = "up" | "refuse" | "blackhole" | "stall";

export interface SlowLink {
  /** http://localhost:<port>: pages opened here reach Pantau through the link (a separate origin). */
  url: string;
  port: number;
  setMode(mode: LinkMode): void;
  /** Bytes that crossed the link so far, both directions. */
  bytes(): number;
  close(): Promise<void>;
}

/** One direction of the link: bytes queue behind each other at `kbps`, then travel `delayMs`. */
function direction(kbps: number, delayMs: number) {
  let freeAt = 0;
  return (bytes: number) => {
    const start = Math.max(Date.now(), freeAt);
    freeAt = start + (bytes * 8) / kbps; // kbit/s = bit/ms
    return freeAt + delayMs - Date.now();
  };
}

const PIECE = 8 * 1024;

export async function startSlowLink(
  target: { host?: string; port: number },
  { kbps = 400, rttMs = 400 }: { kbps?: number; rttMs?: number } = {},
): Promise<SlowLink> {
  let mode: LinkMode = "up";
  let total = 0;
  const up = direction(kbps, rttMs / 2);
  const down = direction(kbps, rttMs / 2);
  const open = new Set<net.Socket>();
  /** Lanes holding their bytes while stalled, pumped again when the link is back up. */
  const stalled = new Set<() => void>();

  /**
   * One connection's bytes in one direction, delivered strictly in order at the times the link gives them.
   * (A timer per piece is not enough: timers of different lengths due within the same millisecond may fire
   * out of order, which scrambled HTTP answers into ERR_INVALID_HTTP_RESPONSE.)
   */
  const lane = (to: net.Socket, link: (bytes: number) => number) => {
    const queue: { at: number; deliver: () => void }[] = [];
    let timer: ReturnType<typeof setTimeout> | null = null;
    const pump = () => {
      timer = null;
      if (mode === "stall") return void stalled.add(pump);
      while (queue.length && queue[0].at <= Date.now()) queue.shift()!.deliver();
      if (queue.length) timer = setTimeout(pump, queue[0].at - Date.now());
    };
    const push = (bytes: number, deliver: () => void) => {
      // Never before what is already queued: the link's times only grow, this keeps it so to the millisecond.
      const at = Math.max(Date.now() + link(bytes), queue.at(-1)?.at ?? 0);
      queue.push({ at, deliver });
      if (!timer && !stalled.has(pump)) timer = setTimeout(pump, at - Date.now());
    };
    return {
      write: (piece: Buffer) =>
        push(piece.length, () => {
          if (!to.destroyed && (mode === "up" || mode === "stall")) to.write(piece);
        }),
      /** Half-close after the last byte arrived, not before. */
      end: () => push(0, () => to.end()),
      /** Close once what was in flight has crossed the link. */
      destroy: () => push(0, () => to.destroy()),
    };
  };

  const forward = (from: net.Socket, to: ReturnType<typeof lane>) => {
    from.on("data", (chunk: Buffer) => {
      for (let at = 0; at < chunk.length; at += PIECE) {
        const piece = chunk.subarray(at, at + PIECE);
        total += piece.length;
        to.write(piece);
      }
    });
    from.on("end", () => to.end());
  };

  const server = net.createServer((client) => {
    open.add(client);
    client.on("close", () => open.delete(client));
    client.on("error", () => {});
    if (mode === "refuse") return void client.destroy();
    if (mode === "blackhole") return; // accepted, never answered
    const upstream = net.connect(target.port, target.host ?? "127.0.0.1");
    open.add(upstream);
    const toUpstream = lane(upstream, up);
    const toClient = lane(client, down);
    // A closed end closes the other one once what was in flight has crossed the link.
    upstream.on("close", () => {
      open.delete(upstream);
      toClient.destroy();
    });
    upstream.on("error", () => {});
    client.on("close", () => toUpstream.destroy());
    forward(client, toUpstream);
    forward(upstream, toClient);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as net.AddressInfo).port;

  return {
    url: `http://localhost:${port}`,
    port,
    setMode(next) {
      mode = next;
      // Whatever was in flight dies with the link; a stalled link keeps it, and delivers it once it is up.
      if (next !== "up" && next !== "stall") for (const socket of open) socket.destroy();
      if (next === "up") {
        const held = [...stalled];
        stalled.clear();
        for (const pump of held) pump();
      }
    },
    bytes: () => total,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of open) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
