// zod 4 probes `new Function("")` once, to decide whether to compile its parsers. The pages'
// Content-Security-Policy has no 'unsafe-eval', so in the browser that probe is refused and
// reported as a CSP violation. Parsing without compiled parsers is plenty fast for our inputs.
// Imported (for this side effect) by every schema module that the browser parses with.
import { config } from "zod";

config({ jitless: true });
