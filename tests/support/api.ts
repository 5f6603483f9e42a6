// HTTP against a running test server, the way a client would call it: one set of helpers for every test file.
// Tests start their server in beforeAll, so `api(() => server)` reads the server only when a request is sent.
export const DEMO_SECRET = "pantau-demo";
export const OFFICER_PIN = "123456";

type Target = { url: string };
type Headers = Record<string, string>;

/** An officer logs in with their TPS code and PIN, everyone else with a login and the demo password. */
export const demoSecret = (login: string) => (/^\d{10}-\d{3}$/.test(login) ? OFFICER_PIN : DEMO_SECRET);

const bearer = (token?: string): Headers => (token ? { Authorization: `Bearer ${token}` } : {});

/** Logs in over the API and returns the bearer token; a refused login fails the test that asked. */
export async function loginToken(server: Target, login: string, secret = demoSecret(login)) {
  const res = await fetch(`${server.url}/api/v1/session`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ login, secret }),
  });
  if (res.status !== 200) throw new Error(`login ${login} failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}

export function api(server: () => Target) {
  const url = (path: string) => `${server().url}${path}`;
  return {
    /** A GET as the holder of `token` (none: anonymous), following redirects as a browser does. */
    get: (path: string, token?: string, headers: Headers = {}) =>
      fetch(url(path), { headers: { ...bearer(token), ...headers } }),

    /** A GET that answers a redirect itself instead of following it (login walls, 302s). */
    page: (path: string, token?: string) => fetch(url(path), { headers: bearer(token), redirect: "manual" }),

    /** A JSON POST; a string body is sent as it is, so tests can send malformed JSON. */
    post: (path: string, body: unknown, token?: string, headers: Headers = {}) =>
      fetch(url(path), {
        method: "POST",
        headers: { "Content-Type": "application/json", ...bearer(token), ...headers },
        body: typeof body === "string" ? body : JSON.stringify(body),
      }),

    /** A form post as a browser without JavaScript sends it. Redirects are answered, not followed. */
    form: (path: string, fields: Record<string, string | number>, token?: string) =>
      fetch(url(path), {
        method: "POST",
        redirect: "manual",
        headers: { "Content-Type": "application/x-www-form-urlencoded", ...bearer(token) },
        body: new URLSearchParams(Object.entries(fields).map(([k, v]) => [k, String(v)])),
      }),

    /** A multipart POST (photos). */
    multipart: (path: string, body: FormData, token?: string) =>
      fetch(url(path), { method: "POST", headers: bearer(token), body }),

    delete: (path: string, token?: string) => fetch(url(path), { method: "DELETE", headers: bearer(token) }),

    /** The login's bearer token; the secret defaults to the demo data's. */
    login: (login: string, secret?: string) => loginToken(server(), login, secret),

    /** Uploads a photo of a TPS's C.Hasil, for a contest or a submission, as the app or the posko does; answers its id. */
    uploadC1Photo: async (
      token: string,
      { tpsCode, contest, quickCountId }: { tpsCode: string; contest?: string; quickCountId?: string },
    ) => {
      const id = crypto.randomUUID();
      const form = new FormData();
      const fields = {
        id,
        purpose: "c1",
        tpsCode,
        ...(contest ? { contest } : {}),
        ...(quickCountId ? { quickCountId } : {}),
      };
      for (const [k, v] of Object.entries(fields)) form.set(k, v);
      form.set("photo", new Blob([new Uint8Array(C1_PHOTO)], { type: "image/png" }), "c-hasil.png");
      const res = await fetch(url("/api/v1/photos"), { method: "POST", headers: bearer(token), body: form });
      if (res.status !== 201) throw new Error(`photo upload failed: ${res.status} ${await res.text()}`);
      return id;
    },
  };
}

/** A 1x1 PNG: the server checks a photo's bytes, not its name or declared type. */
export const C1_PHOTO = Buffer.from(
  "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082",
  "hex",
);

/** Pages as HTML text with the entities React escapes turned back, so tests can match what a reader sees. */
export const decodeHtml = (html: string) =>
  html
    .replace(/&amp;/g, "&")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">");
