import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { probeUrl } from "./probe";
import { addressVerdict, parseAllowList } from "./probe-policy";

const none = parseAllowList([]).policy;

describe("the probe's address policy (SSRF)", () => {
  it("refuses every non-public address form without an allowlist", async () => {
    const refused = [
      "http://127.0.0.1/",
      "http://localhost.:1/".replace("localhost.", "127.1"),
      "http://[::1]/",
      "http://10.1.2.3/",
      "http://172.16.5.4/",
      "http://192.168.0.10:8080/",
      "http://169.254.169.254/latest/meta-data/",
      "http://100.64.0.1/",
      "http://224.0.0.1/",
      "http://0.0.0.0/",
      "http://2130706433/", // decimal 127.0.0.1
      "http://0x7f000001/", // hex
      "http://0177.0.0.1/", // octal
      "http://[::ffff:127.0.0.1]/", // IPv4-mapped IPv6
      "http://[::ffff:a00:1]/",
      "http://[fe80::1]/",
      "http://[fc00::1]/",
      "http://[fd00:ec2::254]/",
      "http://[::127.0.0.1]/", // IPv4-compatible (deprecated ::/96): ipaddr.js calls it unicast
      "http://[::a00:1]/",
      "http://[::]/",
      "http://[64:ff9b::a00:1]/", // NAT64 of 10.0.0.1
      "http://[2002:a00:1::1]/", // 6to4 of 10.0.0.1
      "http://[2001::1]/", // Teredo
      "http://[2001:db8::1]/", // documentation
      "http://[100::1]/", // discard-only
      "http://[4000::1]/", // not assigned for global unicast
    ];
    for (const url of refused) {
      const result = await probeUrl(url, { policy: none, timeoutMs: 500 });
      expect(result.status, url).toBe("BLOCKED");
      expect(result.httpStatus, url).toBeNull();
    }
  });

  it("refuses other schemes and credentials, and never allows cloud metadata", async () => {
    for (const url of [
      "ftp://example.com/",
      "file:///etc/passwd",
      "gopher://example.com/",
      "http://user:pw@example.com/",
    ]) {
      expect((await probeUrl(url, { policy: none })).status, url).toBe("BLOCKED");
    }
    const wide = parseAllowList(["169.254.0.0/16", "0.0.0.0/0"]).policy;
    expect(addressVerdict("169.254.169.254", "x", wide)).toEqual({ allowed: false, reason: "cloud metadata address" });
    expect(addressVerdict("169.254.1.1", "x", wide)).toEqual({ allowed: true });
    expect(addressVerdict("93.184.216.34", "example.com", none)).toEqual({ allowed: true });
    expect(parseAllowList(["10.0.0.0/8, grafana.internal", "not/a/cidr"]).invalid).toEqual(["not/a/cidr"]);
  });

  it("lets an allowlisted hostname reach only its public and private addresses, never loopback or metadata", () => {
    const named = parseAllowList(["grafana.internal"]).policy;
    expect(addressVerdict("10.0.0.5", "grafana.internal", named)).toEqual({ allowed: true });
    expect(addressVerdict("fd12::5", "grafana.internal", named)).toEqual({ allowed: true });
    expect(addressVerdict("10.0.0.5", "other.internal", named)).toMatchObject({ allowed: false });
    for (const address of ["127.0.0.1", "::1", "169.254.1.1", "fe80::1", "0.0.0.0", "::127.0.0.1", "169.254.169.254"])
      expect(addressVerdict(address, "grafana.internal", named), address).toMatchObject({ allowed: false });
    // A CIDR entry still opens a special range on purpose.
    expect(addressVerdict("127.0.0.1", "grafana.internal", parseAllowList(["127.0.0.0/8"]).policy)).toEqual({
      allowed: true,
    });
  });

  it("allows public IPv6 in 2000::/3", () => {
    expect(addressVerdict("2606:4700::1111", "x", none)).toEqual({ allowed: true });
  });

  it("checks every address a name resolves to", async () => {
    const resolve = async () => [
      { address: "93.184.216.34", family: 4 },
      { address: "10.0.0.5", family: 4 },
    ];
    const result = await probeUrl("http://mixed.example.com/", { policy: none, resolve });
    expect(result).toMatchObject({ status: "BLOCKED", reason: expect.stringContaining("private address 10.0.0.5") });
  });
});

describe("probing a local server (allowlisted)", () => {
  let server: http.Server;
  let base: string;
  let hits = 0;
  const policy = parseAllowList(["127.0.0.1/32"]).policy;

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      hits++;
      if (req.url === "/ok") return res.writeHead(200).end("secret body");
      if (req.url === "/no-head") return res.writeHead(req.method === "HEAD" ? 405 : 200).end();
      if (req.url === "/fail") return res.writeHead(500).end();
      if (req.url === "/login") return res.writeHead(302, { location: "/ok" }).end();
      if (req.url === "/to-private") return res.writeHead(302, { location: "http://10.0.0.1/admin" }).end();
      const loop = req.url?.match(/^\/loop\/(\d+)$/);
      if (loop) return res.writeHead(302, { location: `/loop/${Number(loop[1]) + 1}` }).end();
      if (req.url === "/slow") return; // never answers
      res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.closeAllConnections();
    server.close();
  });

  it("reports up, down, timeouts and refused connections", async () => {
    expect(await probeUrl(`${base}/ok`, { policy })).toMatchObject({ status: "UP", httpStatus: 200, reason: null });
    expect((await probeUrl(`${base}/ok`, { policy })).latencyMs).toEqual(expect.any(Number));
    expect(await probeUrl(`${base}/no-head`, { policy })).toMatchObject({ status: "UP", httpStatus: 200 });
    expect(await probeUrl(`${base}/login`, { policy })).toMatchObject({ status: "UP", httpStatus: 200 });
    expect(await probeUrl(`${base}/fail`, { policy })).toMatchObject({
      status: "DOWN",
      httpStatus: 500,
      reason: "HTTP 500",
    });
    expect(await probeUrl(`${base}/slow`, { policy, timeoutMs: 300 })).toMatchObject({
      status: "DOWN",
      reason: "timed out after 0.3 s",
    });
    expect(await probeUrl("http://127.0.0.1:1/", { policy })).toMatchObject({
      status: "DOWN",
      reason: "connection refused",
    });
  });

  it("follows a few redirects, then stops: too many redirects", async () => {
    const before = hits;
    expect(await probeUrl(`${base}/loop/0`, { policy })).toMatchObject({
      status: "DOWN",
      reason: "too many redirects",
    });
    const followed = hits - before;
    expect(followed).toBeGreaterThan(1);
    expect(followed).toBeLessThanOrEqual(10);
  });

  it("re-checks every redirect hop", async () => {
    expect(await probeUrl(`${base}/to-private`, { policy })).toMatchObject({
      status: "BLOCKED",
      reason: expect.stringContaining("private address 10.0.0.1"),
    });
  });

  it("connects to the address it checked, even when the resolver changes its answer (no rebinding)", async () => {
    const port = (server.address() as AddressInfo).port;
    let calls = 0;
    // First answer: public (allowed); every later answer: this local server (which a rebinding attack wants).
    const resolve = async () => {
      calls++;
      return [{ address: calls === 1 ? "192.0.2.1" : "127.0.0.1", family: 4 }];
    };
    const allowPublicTestNet = parseAllowList(["192.0.2.0/24"]).policy;
    const before = hits;
    const result = await probeUrl(`http://rebind.example.com:${port}/ok`, {
      policy: allowPublicTestNet,
      resolve,
      timeoutMs: 400,
    });
    expect(calls).toBe(1);
    expect(hits).toBe(before); // the local server was never reached
    expect(result.status).toBe("DOWN");
    // The same name resolving to the local address from the start is refused.
    const local = await probeUrl(`http://rebind.example.com:${port}/ok`, {
      policy: none,
      resolve: async () => [{ address: "127.0.0.1", family: 4 }],
    });
    expect(local.status).toBe("BLOCKED");
  });
});
