import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { clientIp, recordPeerAddresses } from "./client-address";

// A real HTTP server answering with the address clientIp gives, as a route handler reads it.
let server: http.Server;
let url: string;
beforeAll(async () => {
  recordPeerAddresses();
  server = http.createServer(async (request, response) => {
    await new Promise((resolve) => setTimeout(resolve, 5)); // the address survives an await
    const headers = new Headers();
    for (const [name, value] of Object.entries(request.headers))
      if (typeof value === "string") headers.set(name, value);
    response.end(clientIp(headers));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));
afterEach(() => {
  delete process.env.ROADBOOK_TRUSTED_PROXY_HOPS;
});

const ask = (forwardedFor?: string) =>
  fetch(url, { headers: forwardedFor ? { "x-forwarded-for": forwardedFor } : {} }).then((r) => r.text());

describe("the client address", () => {
  it("is the socket's peer without a trusted proxy: a forged X-Forwarded-For changes nothing", async () => {
    expect(await ask()).toBe("127.0.0.1");
    expect(await ask("203.0.113.7")).toBe("127.0.0.1");
    expect(await ask("203.0.113.7, 198.51.100.1")).toBe("127.0.0.1");
  });

  it("behind one trusted proxy is the entry that proxy wrote, never one the client wrote before it", async () => {
    process.env.ROADBOOK_TRUSTED_PROXY_HOPS = "1";
    // The proxy (here: this test) appends the address it saw; a client's forged entries come first.
    expect(await ask("198.51.100.1")).toBe("198.51.100.1");
    expect(await ask("203.0.113.7, 198.51.100.1")).toBe("198.51.100.1");
    expect(await ask("forged-1, forged-2, 198.51.100.1")).toBe("198.51.100.1");
    // Straight to the server (no proxy entry): the peer itself.
    expect(await ask()).toBe("127.0.0.1");
  });

  it("is 'unknown' outside an HTTP request, whatever the headers say", () => {
    expect(clientIp(new Headers({ "x-forwarded-for": "203.0.113.7" }))).toBe("unknown");
  });
});
