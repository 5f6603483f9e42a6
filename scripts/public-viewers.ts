// Public viewers for `npm run bench:public`, in a process of their own (several of them for 10,000 viewers):
// each holds a raw WebSocket speaking Socket.IO's wire protocol as a visitor of the public page does
// (`auth: {public: true}`; no socket.io-client, whose parsing of every push would cost the bench more CPU
// than the server spends sending it) and notes when each push reaches it: `summary` (the public page's
// aggregates) or `totals` (the drill-down's region totals, after `areas:open` for the whole election).
//
// Protocol over IPC: started with VIEWERS = {port, count}; sends {type: "connected", open, failed}; on
// {type: "finish"} answers {type: "report", open, closed, pushes, bytes, arrivals} (arrivals: per viewer,
// the wall-clock ms of each push) and exits.
import WebSocket from "ws";
import { HOST, now, sleep, withDeadline } from "./load-kit";

interface Options {
  port: number;
  count: number;
}
interface Viewer {
  ws: WebSocket;
  open: boolean;
  arrivals: number[];
}

const options = JSON.parse(process.env.VIEWERS ?? "{}") as Options;
const wall = (at: number) => Math.round((performance.timeOrigin + at) * 10) / 10;
const PUSH = /^42(?:\d+)?\["(summary|totals)"/;
let bytes = 0;
let pushes = 0;

function connectOne(): Promise<Viewer> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://${HOST}:${options.port}/socket.io/?EIO=4&transport=websocket`);
    const viewer: Viewer = { ws, open: false, arrivals: [] };
    ws.on("error", reject);
    ws.on("close", () => (viewer.open = false));
    ws.on("message", (frame: Buffer) => {
      const at = now();
      if (frame[0] === 0x30) return ws.send(`40${JSON.stringify({ public: true })}`); // open -> join as a visitor
      if (frame[0] === 0x32) return ws.send("3"); // ping -> pong
      if (frame[0] !== 0x34) return;
      if (frame[1] === 0x30) {
        viewer.open = true;
        // The drill-down's subscription (the shared contract): a server without it ignores the message.
        ws.send(`421${JSON.stringify(["areas:open", { areas: ["ID"] }])}`);
        return resolve(viewer);
      }
      if (frame[1] === 0x34) return reject(new Error(`viewer refused: ${frame.toString().slice(0, 200)}`));
      if (PUSH.test(frame.toString("latin1", 0, 40))) {
        pushes++;
        bytes += frame.length;
        viewer.arrivals.push(wall(at));
      }
    });
  });
}

const viewers: Viewer[] = [];
let failed = 0;
for (let i = 0; i < options.count; i += 100) {
  const batch = await withDeadline(
    "viewers connect",
    120_000,
    Promise.allSettled(Array.from({ length: Math.min(100, options.count - i) }, connectOne)),
  );
  for (const r of batch) {
    if (r.status === "fulfilled") viewers.push(r.value);
    else failed++;
  }
}
process.send!({ type: "connected", open: viewers.length, failed });

process.on("message", async (message: { type: string }) => {
  if (message.type !== "finish") return;
  await sleep(100);
  const open = viewers.filter((v) => v.open).length;
  const report = {
    type: "report",
    open,
    closed: viewers.length - open,
    failed,
    pushes,
    bytes,
    arrivals: viewers.map((v) => v.arrivals),
  };
  for (const v of viewers) v.ws.terminate();
  process.send!(report, () => process.exit(0));
});
