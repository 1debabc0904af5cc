// Requests from a chosen loopback address (127.0.0.2, 127.0.1.7, …): the server sees that
// address as the socket's peer, as it would see different clients, with no proxy headers.
import http from "node:http";
import { test } from "@playwright/test";

export type Answer = { status: number; headers: http.IncomingHttpHeaders; body: string };

function baseUrl(): URL {
  return new URL(test.info().project.use.baseURL ?? "http://127.0.0.1:3210");
}

/** One HTTP request bound to `localAddress`; `body` may be a string or a chunk generator. */
export function requestFrom(
  localAddress: string,
  path: string,
  options: {
    method?: string;
    headers?: Record<string, string>;
    body?: string | (() => AsyncGenerator<Buffer>);
  } = {},
): Promise<Answer & { bytesSent: number; error?: string }> {
  const url = new URL(path, baseUrl());
  return new Promise((resolve, reject) => {
    let bytesSent = 0;
    let answered = false;
    const request = http.request(
      url,
      { method: options.method ?? "GET", headers: options.headers, localAddress, agent: false },
      (response) => {
        answered = true;
        let body = "";
        response.setEncoding("utf8");
        response.on("data", (chunk) => (body += chunk));
        response.on("end", () =>
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body, bytesSent }),
        );
      },
    );
    // A server that answers before reading the whole body (a 413) may close the socket under a
    // write (EPIPE, ECONNRESET): its answer still arrives, so wait for it before failing.
    // The server may also close the socket without its answer reaching us: then the request
    // resolves with status 0 and the error's code (after a moment for a late answer); a failure
    // before anything was sent is an error.
    request.on("error", (error: NodeJS.ErrnoException) => {
      if (answered) return;
      if (bytesSent === 0) return reject(error);
      setTimeout(() => {
        if (!answered) resolve({ status: 0, headers: {}, body: "", bytesSent, error: error.code ?? error.message });
      }, 2_000);
    });
    const body = options.body;
    if (typeof body === "function") {
      (async () => {
        for await (const chunk of body()) {
          if (answered || request.destroyed) break;
          bytesSent += chunk.length;
          if (!request.write(chunk)) {
            // A server that stopped reading leaves the socket full: no drain comes.
            const drained = await new Promise((r) => {
              const timer = setTimeout(() => r(false), 5_000);
              request.once("drain", () => {
                clearTimeout(timer);
                r(true);
              });
            });
            if (!drained && !answered) {
              setTimeout(() => {
                if (answered) return;
                resolve({ status: 0, headers: {}, body: "", bytesSent, error: "STALLED" });
                request.destroy();
              }, 2_000);
              return;
            }
          }
        }
        request.end();
      })().catch(() => undefined);
    } else {
      if (body) bytesSent = Buffer.byteLength(body);
      request.end(body);
    }
  });
}

/** A credentials sign-in from `localAddress`, as the login form posts it (CSRF cookie and token). */
export async function signInFrom(
  localAddress: string,
  fields: [string, string][] | { email: string; password: string },
  headers: Record<string, string> = {},
): Promise<Answer> {
  const csrf = await requestFrom(localAddress, "/api/auth/csrf");
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const cookie = (csrf.headers["set-cookie"] ?? []).map((c) => c.split(";")[0]).join("; ");
  const pairs = Array.isArray(fields) ? fields : Object.entries(fields);
  const body = new URLSearchParams([...pairs, ["csrfToken", csrfToken], ["json", "true"]]).toString();
  return requestFrom(localAddress, "/api/auth/callback/credentials", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie, ...headers },
    body,
  });
}

export const signedInBy = (answer: Answer) =>
  answer.status === 200 && (answer.headers["set-cookie"] ?? []).some((c) => c.includes("session-token="));
