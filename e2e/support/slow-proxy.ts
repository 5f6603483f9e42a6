// A phone's bad link between the browser and Pantau, as a TCP proxy on loopback: every byte, the service
// worker's own downloads included, crosses one shared link of limited bandwidth with a round-trip delay
// (browser-side throttling in DevTools does not slow a service worker's fetches). The link can also fail
// the way it fails on the day: "refuse" (the server is unreachable: connections are reset at once) and
// "blackhole" (signal but no data: connections open and nothing ever comes back).
import net from "node:net";

export type LinkMode = "up" | "refuse" | "blackhole";

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

  /**
   * One direction of one connection: pieces, then the end or the close, delivered strictly in order, each
   * when the link has carried it (separate timers could fire out of order and garble the stream).
   */
  const forward = (from: net.Socket, to: net.Socket, link: (bytes: number) => number) => {
    const queue: { at: number; deliver: () => void }[] = [];
    let timer: ReturnType<typeof setTimeout> | null = null;
    const pump = () => {
      timer = null;
      while (queue.length && queue[0].at <= Date.now()) queue.shift()!.deliver();
      if (queue.length) timer = setTimeout(pump, queue[0].at - Date.now());
    };
    const later = (bytes: number, deliver: () => void) => {
      queue.push({ at: Date.now() + link(bytes), deliver });
      timer ??= setTimeout(pump, Math.max(0, queue[0].at - Date.now()));
    };
    from.on("data", (chunk: Buffer) => {
      for (let at = 0; at < chunk.length; at += PIECE) {
        const piece = chunk.subarray(at, at + PIECE);
        total += piece.length;
        later(piece.length, () => {
          if (!to.destroyed && mode === "up") to.write(piece);
        });
      }
    });
    // Half-close after the last byte arrived, not before.
    from.on("end", () => later(0, () => to.end()));
    // A closed end closes the other one once what was in flight has crossed the link.
    from.on("close", () => later(0, () => to.destroy()));
  };

  const server = net.createServer((client) => {
    open.add(client);
    client.on("close", () => open.delete(client));
    client.on("error", () => {});
    if (mode === "refuse") return void client.destroy();
    if (mode === "blackhole") return; // accepted, never answered
    const upstream = net.connect(target.port, target.host ?? "127.0.0.1");
    open.add(upstream);
    upstream.on("close", () => open.delete(upstream));
    upstream.on("error", () => {});
    forward(client, upstream, up);
    forward(upstream, client, down);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as net.AddressInfo).port;

  return {
    url: `http://localhost:${port}`,
    port,
    setMode(next) {
      mode = next;
      // Whatever was in flight dies with the link.
      if (next !== "up") for (const socket of open) socket.destroy();
    },
    bytes: () => total,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of open) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
