// Each SMS gateway Pantau speaks to, in and out, against the real server and a local stand-in that plays the
// gateway's API (tests/support/gateway-stand-in.ts): its inbound shapes and signatures (wrong ones refused),
// duplicates ignored by the gateway's message id, the reply in the gateway's own format, Pantau's outbound
// calls as the gateway receives them (with retries), and delivery receipts moving the outbound queue on.
// Signatures are computed here from the gateways' documentation, not with Pantau's own code.
import { createHash, createHmac, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api } from "./support/api";
import { startGatewayStandIn, type Scripted } from "./support/gateway-stand-in";
import { startTestServer, type TestServer } from "./support/server";

const TPS = "1673021001-003"; // DPT 548: the quick count below passes every rule
const QC = `QC ${TPS} walikota 120 95 33 4 123456`;
const PHONE = "+6281234000001";
const BROADCAST_TPS = "1673041001-001";

async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean, what: string): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const value = await read();
    if (ok(value)) return value;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/**
 * Gives the officer of BROADCAST_TPS a phone, the only one in its kelurahan (the demo gives every officer
 * one), and sends a broadcast to the kelurahan; the outbound row.
 */
async function broadcastBySms(server: TestServer, text: string) {
  const { sql } = server.services;
  await sql`update users set phone = null where role = 'officer' and tps_code like ${BROADCAST_TPS.slice(0, 10) + "-%"}`;
  await sql`update users set phone = ${PHONE} where login = ${BROADCAST_TPS}`;
  const http = api(() => server);
  const res = await http.post(
    "/api/v1/broadcasts",
    { id: randomUUID(), target: "area", area: "16.73.04.1001", body: text },
    await http.login("posko"),
  );
  expect(res.status).toBe(201);
  return until(
    () => sql`select * from sms_outbound where purpose = 'broadcast' and body like ${"%" + text}`,
    (rows) => rows.length === 1,
    "the broadcast's SMS to be queued",
  ).then((rows) => rows[0]);
}

const outbound = (server: TestServer, id: string) =>
  server.services.sql`select status, attempts, gateway_message_id, last_error from sms_outbound where id = ${id}`.then(
    (rows) => rows[0],
  );
const submissions = (server: TestServer) =>
  server.services.sql`select count(*)::int as n from submissions where tps_code = ${TPS}`.then((r) => r[0].n);
const replies = (server: TestServer) =>
  server.services.sql`select status, to_number, body from sms_outbound where purpose = 'reply' order by created_at`;

describe("Twilio", () => {
  const TOKEN = "twilio-auth-token-0123456789";
  let server: TestServer;
  let gateway: Awaited<ReturnType<typeof startGatewayStandIn>>;
  beforeAll(async () => {
    gateway = await startGatewayStandIn((req, n) =>
      req.path.endsWith("/Messages.json")
        ? { status: 201, body: { sid: `SM${n}`, status: "queued" } }
        : { status: 404, body: {} },
    );
    server = await startTestServer({
      PANTAU_SMS_GATEWAY: "twilio",
      TWILIO_ACCOUNT_SID: "AC0001",
      TWILIO_AUTH_TOKEN: TOKEN,
      TWILIO_FROM: "+628110000",
      TWILIO_API_URL: gateway.url,
      SMS_SEND_INTERVAL_MS: "100",
      BROADCAST_SMS_AFTER_SECONDS: "0",
    });
  });
  afterAll(async () => {
    await server.stop();
    await gateway.close();
  });

  /** Twilio's signature: base64 HMAC-SHA1 with the auth token over the URL and the sorted parameters. */
  const sign = (url: string, params: Record<string, string>, token = TOKEN) =>
    createHmac("sha1", token)
      .update(
        url +
          Object.keys(params)
            .sort()
            .map((k) => k + params[k])
            .join(""),
      )
      .digest("base64");
  const post = (params: Record<string, string>, signature?: string) => {
    const url = `${server.url}/api/v1/sms`;
    return fetch(url, {
      method: "POST",
      headers: {
        "Content-Type": "application/x-www-form-urlencoded",
        "X-Twilio-Signature": signature ?? sign(url, params),
      },
      body: new URLSearchParams(params),
    });
  };
  const message = (sid: string, body: string) => ({
    MessageSid: sid,
    AccountSid: "AC0001",
    From: "+6281234567890",
    To: "+628110000",
    Body: body,
    NumMedia: "0",
  });

  it("answers a message with TwiML, once per MessageSid", async () => {
    const res = await post(message("SMin0001", QC));
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toMatch(/^text\/xml/);
    const twiml = await res.text();
    expect(twiml).toMatch(
      /^<\?xml version="1\.0" encoding="UTF-8"\?><Response><Message>Diterima QC-[0-9A-F]{8}\. TPS 1673021001-003 walikota: 1=120 2=95 3=33, tidak sah 4\. Status: Terkirim\.<\/Message><\/Response>$/,
    );
    const again = await post(message("SMin0001", QC));
    expect(await again.text()).toBe(twiml);
    expect(await submissions(server)).toBe(1);
    expect(await replies(server)).toEqual([
      { status: "sent", toNumber: "+6281234567890", body: expect.stringMatching(/^Diterima QC-/) },
    ]);
    // Text that needs escaping in XML stays text.
    const odd = await (await post(message("SMin0002", "<b>halo & selamat</b>"))).text();
    expect(odd).toContain("&lt;b&gt;halo");
    expect(odd).not.toContain("<b>");
  });

  it("refuses a request signed with another token, over another URL, or not signed", async () => {
    const params = message("SMin0003", QC);
    const url = `${server.url}/api/v1/sms`;
    expect((await post(params, sign(url, params, "another-token-0123456789"))).status).toBe(401);
    expect((await post(params, sign(`${url}?x=1`, params))).status).toBe(401);
    expect((await post({ ...params, Body: "QC lain" }, sign(url, params))).status).toBe(401);
    const unsigned = await fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(params),
    });
    expect(unsigned.status).toBe(401);
    expect(await submissions(server)).toBe(1);
  });

  it("sends a broadcast through the Messages API and follows its status callback", async () => {
    const row = await broadcastBySms(server, "Segera kirim hasil hitung cepat");
    const [call] = (await gateway.received(1)).filter((r) => r.path.endsWith("/Messages.json"));
    expect(call.method).toBe("POST");
    expect(call.path).toBe("/2010-04-01/Accounts/AC0001/Messages.json");
    expect(call.headers.authorization).toBe(`Basic ${Buffer.from(`AC0001:${TOKEN}`).toString("base64")}`);
    expect(Object.fromEntries(new URLSearchParams(call.body))).toEqual({
      To: PHONE,
      From: "+628110000",
      Body: "Pesan posko: Segera kirim hasil hitung cepat",
    });
    const sent = await until(
      () => outbound(server, row.id),
      (r) => r.status === "sent",
      "the SMS to be sent",
    );
    expect(sent.gatewayMessageId).toMatch(/^SM\d+$/);
    const callback = await post({
      MessageSid: sent.gatewayMessageId,
      MessageStatus: "delivered",
      AccountSid: "AC0001",
    });
    expect(callback.status).toBe(200);
    expect((await outbound(server, row.id)).status).toBe("delivered");
    // The posko sees the SMS in the broadcast's counts.
    const http = api(() => server);
    const [listed] = (await (await http.get("/api/v1/broadcasts", await http.login("posko"))).json()).broadcasts;
    expect(listed).toMatchObject({ sms: 1, read: 0 });
    // And the SMS with its status on the command post's SMS page.
    const page = await (await http.get("/posko/sms", await http.login("posko"))).text();
    expect(page).toMatch(/Pesan posko: Segera kirim hasil hitung cepat<\/td><td>Sampai/);
  });
});

describe("Vonage", () => {
  const SIG = "vonage-signature-secret-0123";
  let server: TestServer;
  let gateway: Awaited<ReturnType<typeof startGatewayStandIn>>;
  let script: (n: number) => Scripted = () => ({ status: 200, body: {} });
  beforeAll(async () => {
    gateway = await startGatewayStandIn((req, n) => script(n));
    server = await startTestServer({
      PANTAU_SMS_GATEWAY: "vonage",
      VONAGE_API_KEY: "key0001",
      VONAGE_API_SECRET: "secret0001",
      VONAGE_FROM: "PANTAU",
      VONAGE_API_URL: gateway.url,
      VONAGE_SIGNATURE_SECRET: SIG,
      SMS_SEND_INTERVAL_MS: "100",
      SMS_RETRY_BASE_MS: "50",
      SMS_SEND_ATTEMPTS: "3",
      BROADCAST_SMS_AFTER_SECONDS: "0",
    });
  });
  afterAll(async () => {
    await server.stop();
    await gateway.close();
  });

  /** Vonage's "MD5 hash" signature: the sorted parameters as &k=v (& and = in values made _), then the secret. */
  const signed = (params: Record<string, string>, secret = SIG) => {
    const text = Object.keys(params)
      .sort()
      .map((k) => `&${k}=${params[k].replace(/[&=]/g, "_")}`)
      .join("");
    return {
      ...params,
      sig: createHash("md5")
        .update(text + secret)
        .digest("hex"),
    };
  };
  const inbound = (messageId: string, text: string) => ({
    msisdn: "6281234567890",
    to: "6281100000",
    messageId,
    text,
    type: "text",
    keyword: text.split(" ")[0].toUpperCase(),
    "message-timestamp": "2026-12-03 05:00:00",
    timestamp: "1796274000",
    nonce: randomUUID(),
  });
  const get = (params: Record<string, string>) => fetch(`${server.url}/api/v1/sms?${new URLSearchParams(params)}`);
  const accepted = (id: string): Scripted => ({
    status: 200,
    body: { "message-count": "1", messages: [{ to: "6281234567890", "message-id": id, status: "0" }] },
  });

  it("takes a signed GET, sends the reply through the API with a retry, and follows the receipt", async () => {
    script = (n) => (n === 1 ? { status: 500, body: {} } : accepted("VMSG0001"));
    const res = await get(signed(inbound("VIN0001", QC)));
    expect(res.status).toBe(200);
    const calls = await gateway.received(2);
    expect(calls.map((c) => [c.method, c.path])).toEqual([
      ["POST", "/sms/json"],
      ["POST", "/sms/json"],
    ]);
    const form = Object.fromEntries(new URLSearchParams(calls[1].body));
    expect(form).toMatchObject({ api_key: "key0001", api_secret: "secret0001", from: "PANTAU", to: "6281234567890" });
    expect(form.text).toMatch(/^Diterima QC-[0-9A-F]{8}\. TPS 1673021001-003/);
    const [reply] = await server.services.sql`select id from sms_outbound where purpose = 'reply'`;
    const sent = await until(
      () => outbound(server, reply.id),
      (r) => r.status === "sent",
      "the reply to be sent",
    );
    expect(sent).toMatchObject({ attempts: 2, gatewayMessageId: "VMSG0001" });

    // The gateway resends the message: nothing new, no second reply.
    expect((await get(signed(inbound("VIN0001", QC)))).status).toBe(200);
    expect(await submissions(server)).toBe(1);
    expect((await replies(server)).length).toBe(1);

    const receipt = await get(
      signed({ msisdn: "6281234567890", to: "PANTAU", messageId: "VMSG0001", status: "delivered", "err-code": "0" }),
    );
    expect(receipt.status).toBe(200);
    expect((await outbound(server, reply.id)).status).toBe("delivered");
  });

  it("takes a signed form POST too, and refuses a wrong or missing signature", async () => {
    script = () => accepted("VMSG0002");
    const post = (params: Record<string, string>) =>
      fetch(`${server.url}/api/v1/sms`, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams(params),
      });
    expect((await post(signed(inbound("VIN0002", "Selamat pagi")))).status).toBe(200);
    expect((await post(signed(inbound("VIN0003", "Selamat pagi"), "wrong-secret-0123456789"))).status).toBe(401);
    expect((await post(inbound("VIN0004", "Selamat pagi"))).status).toBe(401);
    const tampered = { ...signed(inbound("VIN0005", "Selamat pagi")), text: "Selamat sore" };
    expect((await get(tampered)).status).toBe(401);
    const logged = await server.services.sql`select gateway_id from sms_messages where gateway_id like 'VIN000%'`;
    expect(logged.map((r) => r.gatewayId).sort()).toEqual(["VIN0001", "VIN0001", "VIN0002"]);
  });

  it("gives up at once on a refusal a retry cannot fix", async () => {
    script = () => ({
      status: 200,
      body: { "message-count": "1", messages: [{ status: "2", "error-text": "Missing to param" }] },
    });
    const row = await broadcastBySms(server, "Laporkan kendala logistik");
    const failed = await until(
      () => outbound(server, row.id),
      (r) => r.status === "failed",
      "the SMS to fail",
    );
    expect(failed).toMatchObject({ attempts: 1, lastError: "Missing to param" });
    const tries = gateway.requests.filter((r) => new URLSearchParams(r.body).get("text")?.endsWith("logistik"));
    expect(tries.length).toBe(1);
  });
});

describe("SMSSync (an Android phone as the gateway)", () => {
  const SECRET = "smssync-secret-0123456789";
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({
      PANTAU_SMS_GATEWAY: "smssync",
      SMSSYNC_SECRET: SECRET,
      SMS_SEND_INTERVAL_MS: "100",
      BROADCAST_SMS_AFTER_SECONDS: "0",
    });
  });
  afterAll(() => server.stop());

  const post = (params: Record<string, string>, query = "") =>
    fetch(`${server.url}/api/v1/sms${query}`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(params),
    });
  const inbound = (id: string, message: string, secret = SECRET) => ({
    from: "+6281234567890",
    message,
    message_id: id,
    sent_to: "+628110000",
    secret,
    device_id: "phone-1",
    sent_timestamp: "1796274000000",
  });

  it("answers a message with a send task carrying the reply, once per message_id", async () => {
    const res = await post(inbound("ss-0001", QC));
    expect(res.status).toBe(200);
    const { payload } = await res.json();
    expect(payload).toMatchObject({ success: true, error: null, task: "send" });
    expect(payload.messages).toEqual([
      { to: "+6281234567890", message: expect.stringMatching(/^Diterima QC-[0-9A-F]{8}\./), uuid: expect.any(String) },
    ]);
    const again = await (await post(inbound("ss-0001", QC))).json();
    expect(again.payload.messages).toEqual(payload.messages);
    expect(await submissions(server)).toBe(1);
  });

  it("answers whatever a gateway may send with a 4xx at worst, never a 5xx", async () => {
    const url = `${server.url}/api/v1/sms`;
    const answers = await Promise.all([
      post(inbound("ss-x1", "QC \u0000")),
      post({ ...inbound("ss-x2", QC), from: "+62".padEnd(60, "9") }),
      post({ ...inbound("ss-x3", QC), message_id: "x".repeat(300) }),
      fetch(url, { method: "POST", headers: { "Content-Type": "application/json" }, body: "{not json" }),
      fetch(url, { method: "POST", headers: { "Content-Type": "text/xml" }, body: "<a/>" }),
      fetch(url, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: "%ff%fe=1",
      }),
      fetch(`${url}?task=sent&secret=${SECRET}`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ queued_messages: [1, null, "nope", { a: 1 }] }),
      }),
      fetch(`${url}?task=%00&secret=${SECRET}`),
      fetch(url, { method: "PUT" }),
      fetch(url, { method: "POST", headers: { "Content-Type": "application/json" }, body: "x".repeat(20_000) }),
    ]);
    expect(answers.map((r) => r.status).filter((s) => s >= 500)).toEqual([]);
    expect(answers[0].status).toBe(422);
    expect(answers[6].status).toBe(200);
  });

  it("refuses a wrong or missing secret", async () => {
    expect((await post(inbound("ss-0002", QC, "not-the-secret-0123"))).status).toBe(401);
    const { secret: _s, ...without } = inbound("ss-0003", QC);
    expect((await post(without)).status).toBe(401);
    expect((await fetch(`${server.url}/api/v1/sms?task=send`)).status).toBe(401);
  });

  it("hands queued SMS to the phone's poll and forgets them once the phone says they went", async () => {
    const row = await broadcastBySms(server, "Kotak suara tiba pukul 06.00");
    const poll = async () =>
      (await (await fetch(`${server.url}/api/v1/sms?task=send&secret=${SECRET}`)).json()).payload.messages;
    expect(await poll()).toEqual([{ to: PHONE, message: "Pesan posko: Kotak suara tiba pukul 06.00", uuid: row.id }]);
    const sent = await fetch(`${server.url}/api/v1/sms?task=sent&secret=${SECRET}`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ queued_messages: [row.id, randomUUID()] }),
    });
    expect(await sent.json()).toEqual({ message_uuids: [row.id] });
    expect((await outbound(server, row.id)).status).toBe("sent");
    expect(await poll()).toEqual([]);
  });
});

describe("the generic gateway", () => {
  const SECRET = "sms-gateway-secret-0123456789";
  let server: TestServer;
  let gateway: Awaited<ReturnType<typeof startGatewayStandIn>>;
  beforeAll(async () => {
    gateway = await startGatewayStandIn(() => ({ status: 202, body: { id: "G-0001" } }));
    server = await startTestServer({
      SMS_WEBHOOK_SECRET: SECRET,
      SMS_GATEWAY_URL: `${gateway.url}/send`,
      SMS_SEND_INTERVAL_MS: "100",
      BROADCAST_SMS_AFTER_SECONDS: "0",
    });
  });
  afterAll(async () => {
    await server.stop();
    await gateway.close();
  });

  it("posts outbound SMS as JSON with its token and takes the delivery receipt", async () => {
    const row = await broadcastBySms(server, "Jangan lupa foto C.Hasil");
    const [call] = await gateway.received(1);
    expect(call).toMatchObject({ method: "POST", path: "/send" });
    expect(call.headers.authorization).toBe(`Bearer ${SECRET}`);
    expect(JSON.parse(call.body)).toEqual({ id: row.id, to: PHONE, text: "Pesan posko: Jangan lupa foto C.Hasil" });
    await until(
      () => outbound(server, row.id),
      (r) => r.status === "sent",
      "the SMS to be sent",
    );
    const http = api(() => server);
    const receipt = await http.post("/api/v1/sms", { id: "G-0001", status: "delivered" }, undefined, {
      "X-Pantau-Secret": SECRET,
    });
    expect(receipt.status).toBe(200);
    expect((await outbound(server, row.id)).status).toBe("delivered");
    // A receipt without the secret changes nothing.
    expect((await http.post("/api/v1/sms", { id: row.id, status: "failed" })).status).toBe(401);
  });

  it("answers a GET without 5xx, and a message as before", async () => {
    expect((await fetch(`${server.url}/api/v1/sms?secret=${SECRET}`)).status).toBe(200);
    expect((await fetch(`${server.url}/api/v1/sms`)).status).toBe(401);
    const http = api(() => server);
    const res = await http.post("/api/v1/sms", { from: "+6281234567890", text: QC, id: "g-in-1" }, undefined, {
      "X-Pantau-Secret": SECRET,
    });
    expect(await res.json()).toMatchObject({ status: "accepted", receipt: expect.stringMatching(/^QC-/) });
  });
});
