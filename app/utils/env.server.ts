// Environment variables are read once, at start-up, and a wrong one stops the server with a clear message.
import { z } from "zod";

const booleanText = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");

function isRedisUrl(text: string) {
  try {
    const url = new URL(text);
    return (url.protocol === "redis:" || url.protocol === "rediss:") && url.hostname !== "";
  } catch {
    return false;
  }
}

/** "https://a.example, https://b.example" -> their origins; each must be a bare http(s) origin. */
const originList = z
  .string()
  .default("")
  .transform((text, ctx) => {
    const origins: string[] = [];
    for (const item of text
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean)) {
      let url: URL | null;
      try {
        url = new URL(item);
      } catch {
        url = null;
      }
      const bare = url && url.pathname === "/" && !url.search && !url.hash && !url.username && !url.password;
      if (!url || !bare || !["http:", "https:"].includes(url.protocol)) {
        ctx.addIssue({ code: "custom", message: `"${item}" is not an origin like https://pantau.example.org` });
        continue;
      }
      origins.push(url.origin);
    }
    return origins;
  });

/** An optional setting: empty is unset. */
const optionalText = (max: number) =>
  z.preprocess((v) => (v === "" ? undefined : v), z.string().min(1).max(max).optional());
const optionalUrl = z.preprocess((v) => (v === "" ? undefined : v), z.string().url().optional());

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default("0.0.0.0"),
  /** When unset, an embedded PostgreSQL is started under PANTAU_DATA_DIR. */
  DATABASE_URL: z.string().url().optional(),
  PANTAU_DATA_DIR: z.string().min(1).default(".data"),
  /** "demo" seeds the demo city on an empty database; a number seeds a generated region of that many TPS; "none" seeds nothing. */
  PANTAU_SEED: z.union([z.enum(["demo", "none"]), z.coerce.number().int().min(1).max(2_000_000)]).default("demo"),
  /** Map tiles; tiles are optional, the map draws its markers without them. */
  TILE_URL: z.string().default("https://tile.openstreetmap.org/{z}/{x}/{y}.png"),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 30)
    .default(36),
  /** Secure cookies need HTTPS; browsers accept them on http://localhost, so this stays on unless a deployment says otherwise. */
  COOKIE_SECURE: booleanText.default("true"),
  /** The largest open area (in TPS) the command post shows TPS by TPS; above it, child regions as aggregates
   *  (docs/decisions/033-drill-down-and-area-subscriptions.md). */
  PANTAU_TPS_MAP_MAX: z.coerce.number().int().min(1).max(10_000_000).default(10_000),
  /** How often every live connection hears the server's heartbeat; a client that hears nothing for 2.5 times
   *  this says it is disconnected (server/live/heartbeat.ts). */
  PANTAU_HEARTBEAT_MS: z.coerce.number().int().min(200).max(60_000).default(5000),
  /** The public page's live summary is pushed at most once per this many milliseconds. */
  PUBLIC_SUMMARY_MS: z.coerce.number().int().min(100).max(60_000).default(3000),
  /** Express "trust proxy" value when Pantau runs behind a reverse proxy (e.g. "loopback" or "1"); empty = off. */
  TRUST_PROXY: z.string().default(""),
  /**
   * The origins browsers reach Pantau at, comma-separated (e.g. "https://pantau.example.org"), when the
   * server cannot tell from the request itself (a proxy that rewrites Host without X-Forwarded-Host). A
   * state-changing request from a browser is accepted only from this server's own origin or one of these.
   */
  PUBLIC_ORIGIN: originList,
  // --- scale-out (docs/DEPLOYMENT.md) ---
  /** Live events shared between instances on one database: "postgres" (@socket.io/postgres-adapter) or "off". */
  PANTAU_CLUSTER: z.enum(["postgres", "off"]).default("postgres"),
  /** When set (and PANTAU_CLUSTER is not "off"), live events go through Redis Streams instead of PostgreSQL. Empty = unset. */
  REDIS_URL: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.string().refine(isRedisUrl, "must be a redis:// or rediss:// URL, e.g. redis://127.0.0.1:6379").optional(),
  ),
  /** Failed logins allowed per login name from one address (or device) within 15 minutes before a 429; ten
   *  times as many per address over all logins (docs/decisions/030-guessing-and-flooding.md). */
  LOGIN_ATTEMPTS_PER_15_MIN: z.coerce.number().int().min(1).max(10_000).default(10),
  /** Wrong secrets (web and SMS together) one account accepts per 24 hours from devices and numbers it never
   *  used; past it only its own devices and number are heard. Bounds the odds of guessing a 6-digit PIN. */
  LOGIN_FAILURES_PER_DAY: z.coerce.number().int().min(1).max(10_000).default(5),
  // --- the audit chain (docs/SECURITY.md, "History that cannot be rewritten unnoticed") ---
  /**
   * The secret that keys the audit hash chain and signs its published heads (at least 32 characters, e.g.
   * `openssl rand -base64 32`). Unset: `audit.key` in PANTAU_DATA_DIR, generated with mode 0600 on the first
   * start. Either way keep it out of the database's backups and never change it during an election.
   */
  PANTAU_AUDIT_KEY: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.string().min(32, "use at least 32 characters, e.g. openssl rand -base64 32").max(500).optional(),
  ),
  // --- the voter-list check (docs/PRIVACY.md, docs/decisions/047-voter-list-check.md) ---
  /**
   * The secret that keys the NIK hashes of the voter lists (at least 32 characters). Unset: `voter.key` in
   * PANTAU_DATA_DIR, generated with mode 0600 on the first start. Keep it out of the database's backups; a
   * new key makes the stored hashes useless until the lists are imported again.
   */
  PANTAU_VOTER_KEY: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.string().min(32, "use at least 32 characters, e.g. openssl rand -base64 32").max(500).optional(),
  ),
  /** How often (seconds) Pantau signs and publishes the audit chain's head on the public page. */
  PANTAU_AUDIT_HEAD_SECONDS: z.coerce.number().int().min(1).max(86_400).default(600),
  /** Shared secret the SMS gateway sends (header X-Pantau-Secret or ?secret=); unset = the SMS webhook is off. */
  SMS_WEBHOOK_SECRET: z.string().min(16, "use at least 16 characters").max(200).optional(),
  // --- SMS gateways (docs/DEPLOYMENT.md "SMS gateway"; docs/decisions/039-sms-gateways-and-broadcasts.md) ---
  /** Which gateway speaks to /api/v1/sms and carries Pantau's outbound SMS. */
  PANTAU_SMS_GATEWAY: z.enum(["generic", "twilio", "vonage", "smssync"]).default("generic"),
  /** generic: where outbound SMS are POSTed as JSON {id, to, text}, with SMS_WEBHOOK_SECRET as a bearer token;
   *  unset = the generic gateway only relays replies in its webhook answer. */
  SMS_GATEWAY_URL: optionalUrl,
  /** twilio: account SID, auth token (signs webhooks, authenticates sends), sender number, API base. */
  TWILIO_ACCOUNT_SID: optionalText(64),
  TWILIO_AUTH_TOKEN: optionalText(200),
  TWILIO_FROM: optionalText(40),
  TWILIO_API_URL: z.string().url().default("https://api.twilio.com"),
  /** The webhook URL exactly as configured at Twilio, when a proxy changes what the server sees (the
   *  signature covers the URL). */
  TWILIO_WEBHOOK_URL: optionalUrl,
  /** vonage: API key and secret (sending), sender id, API base; the signature secret and method when signed
   *  webhooks are on (else the webhook URL carries ?secret=SMS_WEBHOOK_SECRET). */
  VONAGE_API_KEY: optionalText(64),
  VONAGE_API_SECRET: optionalText(200),
  VONAGE_FROM: optionalText(40),
  VONAGE_API_URL: z.string().url().default("https://rest.nexmo.com"),
  VONAGE_SIGNATURE_SECRET: optionalText(200),
  VONAGE_SIGNATURE_METHOD: z.enum(["md5hash", "md5", "sha1", "sha256", "sha512"]).default("md5hash"),
  /** smssync: the secret the Android app sends with every request. */
  SMSSYNC_SECRET: optionalText(200),
  /** How often the outbound queue is worked (sends, retries, broadcasts to officers without data). */
  SMS_SEND_INTERVAL_MS: z.coerce.number().int().min(50).max(600_000).default(5000),
  /** The wait before the second try of a failed send (milliseconds); it doubles with each try, up to 10 minutes. */
  SMS_RETRY_BASE_MS: z.coerce.number().int().min(10).max(600_000).default(10_000),
  /** Sends of one SMS before it is marked failed. */
  SMS_SEND_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(6),
  /** A broadcast an officer's app has not fetched this many seconds after it was sent goes to the officer's
   *  phone by SMS ("without data"). */
  BROADCAST_SMS_AFTER_SECONDS: z.coerce.number().int().min(0).max(86_400).default(600),
});

export type Env = z.infer<typeof EnvSchema>;

export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const result = EnvSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment variables:\n${lines.join("\n")}`);
  }
  return result.data;
}
