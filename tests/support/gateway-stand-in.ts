// A local HTTP server that plays an SMS gateway's API in tests: it records every request Pantau sends it and
// answers each with what the test scripted (by default 200 and an empty JSON object).
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface RecordedRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export type Scripted = { status: number; body: unknown };

export async function startGatewayStandIn(
  answer: (req: RecordedRequest, n: number) => Scripted = () => ({ status: 200, body: {} }),
) {
  const requests: RecordedRequest[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const recorded = {
        method: req.method ?? "",
        path: req.url ?? "",
        headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8"),
      };
      requests.push(recorded);
      const { status, body } = answer(recorded, requests.length);
      res.writeHead(status, { "Content-Type": "application/json" });
      res.end(JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    requests,
    /** Waits until `count` requests arrived (about ten seconds at most). */
    async received(count: number) {
      for (let i = 0; i < 400 && requests.length < count; i++) await new Promise((r) => setTimeout(r, 25));
      if (requests.length < count)
        throw new Error(`the stand-in gateway got ${requests.length} requests, not ${count}`);
      return requests;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
