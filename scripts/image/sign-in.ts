// Over HTTP, as a browser would: the first-run setup (the setup code from the server's log and
// the /setup server action, the image's way to make the first admin: it ships no CLI), then
// next-auth's credentials sign-in, then one API call with the session.

export type Admin = { email: string; password: string };

/** The /setup page's server action id, from the image's own server-reference manifest. */
export function setupActionId(manifestJson: string): string {
  const manifest = JSON.parse(manifestJson) as {
    node?: Record<string, { workers?: Record<string, unknown>; exportedName?: string }>;
  };
  const entries = Object.entries(manifest.node ?? {}).filter(([, entry]) =>
    Object.keys(entry.workers ?? {}).some((worker) => worker.startsWith("app/setup/")),
  );
  const named = entries.filter(([, entry]) => entry.exportedName === "setupAction");
  const [id] = (named.length ? named : entries)[0] ?? [];
  if (!id || entries.length === 0) throw new Error("no server action for app/setup in the image's manifest");
  return id;
}

export function setupCodeFrom(log: string): string {
  const code = log.match(/enter the setup code ([A-Z0-9-]+)/)?.[1];
  if (!code) throw new Error(`the server printed no setup code:\n${log.slice(-2000)}`);
  return code;
}

export async function createFirstAdmin(base: string, actionId: string, setupCode: string, admin: Admin): Promise<void> {
  const response = await fetch(`${base}/setup`, {
    method: "POST",
    headers: {
      "next-action": actionId,
      "content-type": "text/plain;charset=UTF-8",
      origin: base,
      accept: "text/x-component",
    },
    body: JSON.stringify([{ email: admin.email, name: "Image Test Admin", password: admin.password, setupCode }]),
  });
  const text = await response.text();
  if (response.status !== 200 || !text.includes('"ok":true'))
    throw new Error(`POST /setup (server action): HTTP ${response.status} ${text.slice(0, 300)}`);
}

/** Signs in with email and password; returns the cookie header of the session. */
export async function signIn(base: string, admin: Admin): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const jar = csrf.headers.getSetCookie().map((cookie) => cookie.split(";")[0] ?? "");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; ") },
    body: new URLSearchParams({ email: admin.email, password: admin.password, csrfToken, json: "true" }),
  });
  const session = response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0] ?? "")
    .find((cookie) => cookie.includes("session-token"));
  if (!session) throw new Error(`sign-in as ${admin.email}: HTTP ${response.status}, no session cookie`);
  return [...jar, session].join("; ");
}

/** GET /api/v1/use-cases with the session: 200 and a list (empty on a new database). */
export async function listUseCases(base: string, cookie: string): Promise<number> {
  const response = await fetch(`${base}/api/v1/use-cases?limit=5`, { headers: { cookie } });
  const body = (await response.json().catch(() => ({}))) as { items?: unknown[] };
  if (response.status !== 200 || !Array.isArray(body.items))
    throw new Error(`GET /api/v1/use-cases: HTTP ${response.status} ${JSON.stringify(body).slice(0, 200)}`);
  return body.items.length;
}
