// The bench's command-post dashboards in a process of their own (`npm run bench` starts it): reading a
// thousand sockets' frames is real work, and done in the bench's process it delayed the moment the bench saw
// an officer's HTTP answer, i.e. it added its own queueing to the ack latency it measures. Here the frames
// are read and checked (every seq once, in order) and each frame's first event timed in wall-clock
// milliseconds (performance.timeOrigin + now), which the bench's process shares.
//
// Protocol over IPC: started with DASHBOARDS = {port, count, token, timing}; sends {type: "connected"}; on
// {type: "finish", startSeq, endSeq, sentAt?} waits (at most 15 s) for every dashboard to reach endSeq,
// answers {type: "report", lost, duplicates, frames, delivery} and exits.
import { connectDashboards, Histogram, now, readField, sleep, type Dashboard } from "./load-kit";

interface Options { port: number; count: number; token?: string; timing: "pantau" | "baseline" }
interface Finish { type: "finish"; startSeq: number; endSeq: number; sentAt?: [string, number][] }

const options = JSON.parse(process.env.DASHBOARDS ?? "{}") as Options;
const wall = (at: number) => performance.timeOrigin + at;
const delivery = new Histogram();
/** Pantau's events carry no send time: each frame's first quick count is kept (key, arrival) for the bench's send times. */
const arrivals: [string, number][] = [];

const dashboards: Dashboard[] = await connectDashboards(options.port, options.count, options.token, (frame, from, to, at) => {
  if (options.timing === "baseline") {
    const t = Number(readField(frame, "t", from, to));
    if (t) delivery.add(wall(at) - t);
    return;
  }
  if (readField(frame, "type", from, to) !== "result:updated") return;
  arrivals.push([`${readField(frame, "tpsCode", from, to)}/${readField(frame, "contest", from, to)}/${readField(frame, "revision", from, to)}`, wall(at)]);
});
process.send!({ type: "connected" });

process.on("message", async (message: Finish) => {
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
  for (const [key, at] of arrivals) {
    const sent = sentAt.get(key);
    if (sent !== undefined) delivery.add(at - sent);
  }
  const frames = dashboards.reduce((n, d) => n + d.frames, 0);
  for (const d of dashboards) d.ws.close();
  process.send!({ type: "report", lost, duplicates, frames, delivery: delivery.summary() }, () => process.exit(0));
});
