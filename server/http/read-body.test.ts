import { describe, expect, it } from "vitest";
import { readBodyWithin } from "./read-body";

/** A chunked body (no content-length) of `chunks` chunks of `size` bytes, counting what was pulled. */
function chunked(chunks: number, size: number) {
  const pulled = { chunks: 0 };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled.chunks === chunks) return controller.close();
      pulled.chunks += 1;
      controller.enqueue(new Uint8Array(size).fill(97));
    },
  });
  const request = new Request("http://test/", { method: "POST", body: stream, duplex: "half" } as RequestInit);
  return { request, pulled };
}

describe("reading a request body within a limit", () => {
  it("stops reading a chunked body as soon as it passes the limit", async () => {
    const { request, pulled } = chunked(1000, 64 * 1024); // 64 MB offered
    expect(await readBodyWithin(request, 1024 * 1024)).toBeNull();
    expect(pulled.chunks).toBeLessThanOrEqual(18);
  });

  it("refuses a declared length over the limit without reading, and reads one within it", async () => {
    const big = new Request("http://test/", { method: "POST", body: "x", headers: { "content-length": "2000" } });
    expect(await readBodyWithin(big, 1000)).toBeNull();
    const { request } = chunked(3, 10);
    expect(await readBodyWithin(request, 30)).toBe("a".repeat(30));
    expect(await readBodyWithin(new Request("http://test/", { method: "POST", body: "\uFEFFünï" }), 100)).toBe("ünï");
  });
});
