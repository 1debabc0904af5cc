// One health-probe round in a process of its own, for probe-scheduler.test.ts: prints "ready",
// waits for "go" on stdin (so two processes start their rounds together), then runs the
// exclusive round over the given service ids and prints its result as JSON.
import { createInterface } from "node:readline";
import { runExclusiveRound } from "@/server/services/probe-scheduler.ts";

const ids = process.argv.slice(2);
console.log("ready");
for await (const line of createInterface({ input: process.stdin })) {
  if (line.trim() === "go") break;
}
console.log(JSON.stringify({ probed: await runExclusiveRound(new Date(), ids) }));
process.exit(0);
