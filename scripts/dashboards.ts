// The bench's command-post dashboards in a process of their own (`npm run bench` starts it): reading a
// thousand sockets' frames is real work, and done in the bench's process it delayed the moment the bench saw
// an officer's HTTP answer, i.e. it added its own queueing to the ack latency it measures. Here the frames
// are read and checked (every seq once, in order) and every event of every frame is timed in wall-clock
// milliseconds (performance.timeOrigin + now), which the bench's process shares. (Timing only each frame's
// first event, as the bench once did to save CPU, overstated the delivery: the first event of a coalesced
// batch is the one that waited longest.)
//
// Protocol over IPC: started with DASHBOARDS = {port, count, token, timing}; sends {type: "connected"};
// {type: "measure"} starts counting frames afresh; on {type: "finish", startSeq, endSeq, sentAt?} waits
// (at most 15 s) for every dashboard to reach endSeq, answers {type: "report", lost, duplicates, frames,
// delivery} and exits.
import { connectDashboards, Histogram, now, readField, sleep, type Dashboard, type Frame } from "./load-kit";

interface Options {
  port: number;
  count: number;
  token?: string;
  timing: "pantau" | "baseline";
}
interface Finish {
  type: "finish";
  startSeq: number;
  endSeq: number;
  sentAt?: [string, number][];
}

const options = JSON.parse(process.env.DASHBOARDS ?? "{}") as Options;
const wall = (at: number) => performance.timeOrigin + at;
const delivery = new Histogram();
/** Pantau's events carry no send time: each dashboard's frames are kept with their arrival, matched at the end. */
const arrivals: { frame: Frame; at: number }[] = [];
/** Each event's key (Pantau: tps/contest/revision of a result, incident:<id>; the baseline: its send time), once per distinct frame. */
const keysOf = (frame: Frame) =>
  (frame.keys ??= frame.starts.map((from, i) => {
    const to = frame.starts[i + 1] ?? frame.bytes.length;
    if (options.timing === "baseline") return readField(frame.bytes, "t", from, to);
    const type = readField(frame.bytes, "type", from, to);
    if (type === "incident:created") return `incident:${readField(frame.bytes, "id", from, to)}`;
    if (type !== "result:updated") return undefined;
    return `${readField(frame.bytes, "tpsCode", from, to)}/${readField(frame.bytes, "contest", from, to)}/${readField(frame.bytes, "revision", from, to)}`;
  }));

const dashboards: Dashboard[] = await connectDashboards(options.port, options.count, options.token, (frame, at) => {
  if (options.timing === "pantau") return void arrivals.push({ frame, at: wall(at) });
  for (const t of keysOf(frame)) if (t) delivery.add(wall(at) - Number(t));
});
process.send!({ type: "connected" });

process.on("message", async (message: Finish | { type: "measure" }) => {
  // The measured phase begins: frames of the warm-up do not count.
  if (message.type === "measure")
    return void dashboards.forEach((d) => {
      d.frames = 0;
    });
  if (message.type !== "finish") return;
  const drainUntil = now() + 15_000;
  while (now() < drainUntil && dashboards.some((d) => d.last < message.endSeq)) await sleep(50);
  let lost = 0;
  let duplicates = 0;
  for (const d of dashboards) {
    if (d.last < 0) d.last = message.startSeq;
    lost += d.gaps + Math.max(0, message.endSeq - d.last);
    duplicates += d.duplicates;
  }
  const sentAt = new Map(message.sentAt ?? []);
  for (const { frame, at } of arrivals) {
    for (const key of keysOf(frame)) {
      const sent = key === undefined ? undefined : sentAt.get(key);
      if (sent !== undefined) delivery.add(at - sent);
    }
  }
  const frames = dashboards.reduce((n, d) => n + d.frames, 0);
  for (const d of dashboards) d.ws.close();
  process.send!({ type: "report", lost, duplicates, frames, delivery: delivery.summary() }, () => process.exit(0));
});
