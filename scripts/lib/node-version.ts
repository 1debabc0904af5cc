// Node.js 24 LTS is the supported runtime and 22 (>= 22.12) works; Node 20 reached end of life in
// April 2026. On 20, npm start and npm test still run, after one line saying so.

/** The one-line warning for an unsupported Node.js, or null on a supported one. */
export function unsupportedNodeWarning(version = process.versions.node): string | null {
  const [major = 0, minor = 0] = version.split(".").map(Number);
  if (major > 22 || (major === 22 && minor >= 12)) return null;
  const why = major <= 20 ? `Node.js ${major} is end-of-life and unsupported` : `Node.js ${version} is unsupported`;
  return `roadbook: warning: ${why}; use Node.js 24 LTS (22.12 or later works).`;
}

export function warnIfUnsupportedNode(): void {
  const warning = unsupportedNodeWarning();
  if (warning) console.warn(warning);
}
