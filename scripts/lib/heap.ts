// The web server's heap caps. Unbounded, V8 sizes the heap from the machine's memory and collects
// late: on a 24 GiB machine the server held 850–890 MB under load (docs/benchmarks.md), most of
// it garbage. The young generation is capped too: V8's default semi-spaces held about 90 MB more
// under the list API's load than 16 MB ones, for no more requests served (docs/benchmarks.md,
// the run of 2026-12-08). `npm start`, the benchmark and the image (its Dockerfile's
// NODE_OPTIONS) apply both.

/** MiB of old space: the app's live set is far below it (an import of 10,000 rows included). */
export const SERVER_HEAP_MB = 512;
/** MiB of each of the young generation's two semi-spaces. */
export const SERVER_SEMI_SPACE_MB = 16;

/** The caps as Node options, as `withHeapCap` adds them to nothing (the Dockerfile's value). */
export const SERVER_HEAP_OPTIONS = withHeapCap(undefined);

/** `NODE_OPTIONS` with the heap caps added, each unless it sets that one already (an operator's choice wins). */
export function withHeapCap(nodeOptions: string | undefined): string {
  const options = [nodeOptions];
  if (!/--max-old-space-size/.test(nodeOptions ?? "")) options.push(`--max-old-space-size=${SERVER_HEAP_MB}`);
  if (!/--max-semi-space-size/.test(nodeOptions ?? "")) options.push(`--max-semi-space-size=${SERVER_SEMI_SPACE_MB}`);
  return options.filter(Boolean).join(" ");
}
