import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { createInterface } from "node:readline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeUseCase, makeUser } from "@/prisma/seed/factories";
import { db } from "../db";

let server: http.Server;
let base: string;
const hits = new Map<string, number>();

beforeAll(async () => {
  // A slow service, so the two rounds below overlap in time.
  server = http.createServer((req, res) => {
    hits.set(req.url ?? "", (hits.get(req.url ?? "") ?? 0) + 1);
    setTimeout(() => res.writeHead(200).end(), 300);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => server.close());

/** Start `scripts/test/probe-round.ts` and resolve once it has loaded and waits for "go". */
function startRound(ids: string[]): Promise<{ child: ChildProcessWithoutNullStreams; lines: string[] }> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "--conditions=react-server", "scripts/test/probe-round.ts", ...ids],
    {
      env: {
        ...process.env,
        ROADBOOK_PROBE_ALLOW: "127.0.0.1/32",
        ROADBOOK_PROBE_CONCURRENCY: "2",
        NODE_OPTIONS: "",
      },
    },
  );
  const lines: string[] = [];
  let stderr = "";
  child.stderr.on("data", (chunk) => {
    stderr += chunk;
  });
  return new Promise((resolve, reject) => {
    createInterface({ input: child.stdout }).on("line", (line) => {
      lines.push(line);
      if (line === "ready") resolve({ child, lines });
    });
    child.on("exit", (code) => reject(new Error(`probe round exited (${code}) before it was ready: ${stderr}`)));
  });
}

describe("the probe scheduler across app processes", () => {
  it("probes each due service once when two processes run a round at the same moment", async () => {
    const owner = await makeUser(db, { role: "DATA_SCIENTIST" });
    const useCase = await makeUseCase(db, { ownerId: owner.id });
    const services = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        db.service.create({
          data: {
            useCaseId: useCase.id,
            name: `Replica test ${i}`,
            kind: "OTHER",
            environment: "DEV",
            url: `${base}/s${i}`,
          },
        }),
      ),
    );
    const ids = services.map((s) => s.id);
    const rounds = await Promise.all([startRound(ids), startRound(ids)]);
    const results = await Promise.all(
      rounds.map(
        ({ child, lines }) =>
          new Promise<{ probed: number | null }>((resolve, reject) => {
            child.on("exit", (code) =>
              code === 0 ? resolve(JSON.parse(lines.at(-1) ?? "null")) : reject(new Error(`exit ${code}`)),
            );
            child.stdin.write("go\n");
          }),
      ),
    );

    // One process held the round and probed all six; the other found it taken and skipped.
    expect(results.map((r) => r.probed).sort()).toEqual([6, null]);
    expect([...Array(6).keys()].map((i) => hits.get(`/s${i}`))).toEqual([1, 1, 1, 1, 1, 1]);
    const probes = await db.serviceProbe.groupBy({
      by: ["serviceId"],
      where: { serviceId: { in: ids } },
      _count: true,
    });
    expect(probes.map((p) => p._count)).toEqual([1, 1, 1, 1, 1, 1]);
  }, 60_000);
});
