// The web server's heap cap. Unbounded, V8 sizes the heap from the machine's memory and collects
// late: on a 24 GiB machine the server held 850–890 MB under load (docs/benchmarks.md), most of
// it garbage. `npm start`, the benchmark and the image (its Dockerfile's NODE_OPTIONS) cap it.

/** MiB of old space: the app's live set is far below it (an import of 10,000 rows included). */
export const SERVER_HEAP_MB = 512;

/** `NODE_OPTIONS` with the heap cap added, unless it sets one already (an operator's choice wins). */
export function withHeapCap(nodeOptions: string | undefined): string {
  if (nodeOptions && /--max-old-space-size/.test(nodeOptions)) return nodeOptions;
  return [nodeOptions, `--max-old-space-size=${SERVER_HEAP_MB}`].filter(Boolean).join(" ");
}
