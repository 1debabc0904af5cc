import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "vitest";
import { assertPortFree } from "./port-free";

test("a port another server answers on is refused with a clear message; a free one is accepted", async () => {
  const stale = http.createServer((_request, response) => response.end("ok"));
  await new Promise<void>((resolve) => stale.listen(0, "127.0.0.1", resolve));
  const { port } = stale.address() as AddressInfo;
  try {
    await expect(assertPortFree(port)).rejects.toThrow(
      `Port ${port} on 127.0.0.1 is already in use (a server left from an earlier run?): stop it, or set E2E_PORT to a free port.`,
    );
  } finally {
    await new Promise((resolve) => stale.close(resolve));
  }
  await expect(assertPortFree(port)).resolves.toBeUndefined();
});

test("a server on every address (0.0.0.0) also takes the loopback port", async () => {
  const stale = http.createServer();
  await new Promise<void>((resolve) => stale.listen(0, "0.0.0.0", resolve));
  const { port } = stale.address() as AddressInfo;
  try {
    await expect(assertPortFree(port)).rejects.toThrow(`Port ${port} on 127.0.0.1 is already in use`);
  } finally {
    await new Promise((resolve) => stale.close(resolve));
  }
});
