// Guessing limits against a real server, as an attacker with many addresses and SMS numbers would try them
// (docs/decisions/030-guessing-and-flooding.md): the guesser is slowed per address and login, per sender over
// every TPS and per account, the owner's own device and number still get in, limits hold across instances,
// and unusual rates reach the command post live.
import { describe, expect, it } from "vitest";
import { setSecrets } from "../app/models/accounts.server";
import { hashSecret } from "../app/utils/password.server";
import { api, DEMO_SECRET, demoSecret, OFFICER_PIN } from "./support/api";
import { openLive } from "./support/sockets";
import { serverPerTest, startInstance } from "./support/server";

const SECRET = "sms-gateway-secret-0123456789";
/** Small limits keep the test short; the rules are the same at the defaults. */
const PER_PAIR = 3;
const PER_DAY = 5;
const server = serverPerTest({
  TRUST_PROXY: "loopback",
  SMS_WEBHOOK_SECRET: SECRET,
  LOGIN_ATTEMPTS_PER_15_MIN: String(PER_PAIR),
  LOGIN_FAILURES_PER_DAY: String(PER_DAY),
});
const http = api(server);

/** A distinct client address per number: an attacker with as many addresses as it likes. */
const address = (n: number) => `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;

/** A sign-in over the API from `from`, with the device cookie a browser would send (if any). */
async function signIn(
  login: string,
  secret: string,
  { from, device, url = server().url }: { from: string; device?: string | null; url?: string },
) {
  const res = await fetch(`${url}/api/v1/session`, {
    method: "POST",
    headers: {
      "Content-Type": "application/json",
      "X-Forwarded-For": from,
      ...(device ? { Cookie: `pantau_device=${device}` } : {}),
    },
    body: JSON.stringify({ login, secret }),
  });
  const body = (await res.json()) as { code?: string; message?: string; token?: string };
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith("pantau_device="));
  return { status: res.status, body, device: cookie ? cookie.split(";")[0].split("=")[1] : null };
}

async function sms(text: string, from: string) {
  const res = await http.post("/api/v1/sms", { from, text }, undefined, { "X-Pantau-Secret": SECRET });
  return (await res.json()) as { status: string; reply: string };
}
const qc = (tps: string, pin: string) => `QC ${tps} walikota 40 45 40 3 ${pin}`;

/** `count` TPS codes of the demo data from `offset` on: one guess each stays under every per-account limit. */
async function someTps(offset: number, count: number) {
  const rows = await server().services.sql<{ code: string }[]>`
    select code from tps order by code offset ${offset} limit ${count}`;
  return rows.map((r) => r.code);
}

/** Strangers guess from fresh addresses until refused; answers how many secrets were checked (401s). */
async function guessUntilRefused(login: string, firstAddress: number) {
  let checked = 0;
  for (let n = 0; n < 40; n++) {
    const { status } = await signIn(login, `wrong-${n}`, { from: address(firstAddress + n) });
    if (status === 429) return checked;
    expect(status).toBe(401);
    checked++;
  }
  throw new Error(`${login} was never refused`);
}

describe("guessing a secret", () => {
  it("never locks the owner of posko, admin or an officer out of the device they signed in from", async () => {
    for (const [i, login] of ["posko", "admin", "1673021001-004"].entries()) {
      const owner = await signIn(login, demoSecret(login), { from: address(1000 + i) });
      expect(owner.status, login).toBe(200);
      expect(owner.device, login).toMatch(/^[A-Za-z0-9_-]{43}$/);
      // Strangers with as many addresses as they like get the account's budget, then nothing more...
      expect(await guessUntilRefused(login, 10_000 * (i + 1)), login).toBe(PER_DAY);
      // ...not even with the right secret from a device the account never used...
      const stranger = await signIn(login, demoSecret(login), { from: address(90_000 + i) });
      expect(stranger.status, login).toBe(429);
      expect(stranger.body.code).toBe("too_many_attempts");
      expect(stranger.body.message).toMatch(/dari perangkat yang belum pernah dipakai masuk/);
      // ...while the owner's device gets in, from any address.
      const again = await signIn(login, demoSecret(login), { from: address(95_000 + i), device: owner.device });
      expect(again.status, login).toBe(200);
      expect(again.body.token).toBeTruthy();
    }
  }, 60_000);

  it("slows one address on one login without refusing that login elsewhere", async () => {
    const login = "pengawas-03";
    for (let i = 0; i < PER_PAIR; i++) expect((await signIn(login, "nope", { from: address(7) })).status).toBe(401);
    const slowed = await signIn(login, DEMO_SECRET, { from: address(7) });
    expect(slowed.status).toBe(429);
    expect(slowed.body.message).toMatch(/Coba lagi dalam 15 menit/);
    expect((await signIn(login, DEMO_SECRET, { from: address(8) })).status).toBe(200);
  });

  it("slows one address guessing across many logins, but not a device that signed in before", async () => {
    const owner = await signIn("pengawas-04", DEMO_SECRET, { from: address(20) });
    const perAddress = PER_PAIR * 10;
    // One guess on each of many TPS: no account reaches its own limits.
    for (const tps of await someTps(100, perAddress))
      expect((await signIn(tps, "000000", { from: address(21) })).status).toBe(401);
    expect((await signIn("pengawas-04", DEMO_SECRET, { from: address(21) })).status).toBe(429);
    expect((await signIn("pengawas-04", DEMO_SECRET, { from: address(21), device: owner.device })).status).toBe(200);
  }, 60_000);

  it("checks at most the daily budget of secrets per account over web and SMS together", async () => {
    const tps = "1673021001-005";
    let checked = 0;
    for (let n = 0; n < 6; n++) {
      const { status } = await signIn(tps, "000000", { from: address(300 + n) });
      if (status === 401) checked++;
      const { reply } = await sms(qc(tps, "00000" + n), `+62812000003${n}`);
      if (/^PIN salah/.test(reply)) checked++;
    }
    expect(checked).toBe(PER_DAY);
    // Once spent, neither channel checks a stranger's secret, right or wrong.
    expect((await signIn(tps, OFFICER_PIN, { from: address(399) })).status).toBe(429);
    expect((await sms(qc(tps, OFFICER_PIN), "+6281200000399")).reply).toMatch(/dari nomor lain/);
  }, 60_000);

  it("checks no more secrets than the budget when guesses arrive all at once", async () => {
    const login = "1673021001-008";
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, n) => signIn(login, `9${String(n).padStart(5, "0")}`, { from: address(900 + n) })),
    );
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses.filter((s) => s === 401)).toHaveLength(PER_DAY);
    expect(statuses.filter((s) => s !== 401)).toEqual(Array(30 - PER_DAY).fill(429));
  });

  it("gives a new secret a fresh budget: guesses at the old one say nothing about it", async () => {
    const login = "1673021001-006";
    await guessUntilRefused(login, 500);
    // What the admin's reset and the credential letters do: a new secret through the accounts model.
    const [{ id }] = await server().services.sql`select id from users where login = ${login}`;
    const hash = await hashSecret("654321");
    await server().services.writer.write((ctx) =>
      setSecrets(ctx, { hashes: [{ id: Number(id), hash }], actorId: Number(id), action: "account.reset" }),
    );
    const [{ count }] = await server().services
      .sql`select count(*)::int as count from guess_failures where account = ${login}`;
    expect(count).toBe(0);
    expect((await signIn(login, "654321", { from: address(599) })).status).toBe(200);
  });

  it("shares the limits between instances on one database", async () => {
    const other = await startInstance(server().databaseUrl, {
      TRUST_PROXY: "loopback",
      LOGIN_ATTEMPTS_PER_15_MIN: String(PER_PAIR),
      LOGIN_FAILURES_PER_DAY: String(PER_DAY),
      COOKIE_SECURE: "false",
    });
    try {
      const login = "pengawas-05";
      for (let n = 0; n < PER_DAY; n++) {
        const url = n % 2 ? other.url : server().url;
        expect((await signIn(login, "nope", { from: address(600 + n), url })).status).toBe(401);
      }
      for (const url of [server().url, other.url])
        expect((await signIn(login, DEMO_SECRET, { from: address(699), url })).status).toBe(429);
    } finally {
      await other.close();
    }
  }, 60_000);
});

describe("guessing an SMS PIN", () => {
  it("never locks out the officer's own number, however many strangers guess", async () => {
    const tps = "1673021001-007";
    const own = "+62 812-7777-0007";
    await server().services.sql`update users set phone = ${own} where login = ${tps}`;
    for (let n = 0; n < PER_DAY; n++)
      expect((await sms(qc(tps, "11111" + n), `+6281300000${100 + n}`)).reply).toMatch(/^PIN salah/);
    expect((await sms(qc(tps, OFFICER_PIN), "+6281300000999")).reply).toMatch(/dari nomor lain/);
    // The registered number, written as the network sends it.
    const answer = await sms(qc(tps, OFFICER_PIN), "6281277770007");
    expect(answer.status).toBe("accepted");
  });

  it("slows one sender across every TPS", async () => {
    const sender = "+6281400000001";
    const [target, ...others] = await someTps(200, 11);
    for (const tps of others) expect((await sms(qc(tps, "222222"), sender)).reply).toMatch(/^PIN salah/);
    const refused = await sms(qc(target, OFFICER_PIN), sender);
    expect(refused.reply).toMatch(/^Terlalu banyak PIN salah dari nomor ini\./);
    expect((await sms(qc(target, OFFICER_PIN), "+6281400000002")).status).toBe("accepted");
  }, 60_000);
});

describe("alerts on the command post", () => {
  it("raises unusual failure rates live on the whole election's command post, and on its page", async () => {
    const posko = openLive(server().url, { token: await http.login("posko") });
    const supervisor = openLive(server().url, { token: await http.login("pengawas-01") });
    const officer = openLive(server().url, { token: await http.login("1673011002-001") });
    await Promise.all([posko.ready, supervisor.ready, officer.ready]);
    try {
      // One account's budget spent by strangers.
      await guessUntilRefused("1673011002-002", 700);
      const account = await posko.waitFor((e) => e.type === "security:alert" && e.data.kind === "account");
      expect(account.data).toMatchObject({ subject: "1673011002-002", channel: "web", failures: PER_DAY });
      // One address guessing over many accounts; one SMS sender over many TPS.
      for (const tps of await someTps(300, 20)) await signIn(tps, "000000", { from: address(800) });
      const byAddress = await posko.waitFor((e) => e.type === "security:alert" && e.data.kind === "address");
      expect(byAddress.data).toMatchObject({ subject: address(800), failures: 20 });
      for (const tps of await someTps(400, 10)) await sms(qc(tps, "333333"), "+6281500000001");
      const bySender = await posko.waitFor((e) => e.type === "security:alert" && e.data.kind === "sender");
      expect(bySender.data).toMatchObject({ subject: "+6281500000001", channel: "sms" });
      // Neither a supervisor's area nor the officer's TPS receives them.
      for (const client of [supervisor, officer])
        expect(client.received.filter((e) => e.type === "security:alert")).toEqual([]);
      // A command post opened later shows them too.
      const page = await (await http.get("/posko", await http.login("posko2"))).text();
      expect(page).toContain("1673011002-002");
      expect(page).toContain(address(800));
    } finally {
      for (const c of [posko, supervisor, officer]) c.socket.close();
    }
  }, 60_000);
});
