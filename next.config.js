// Hardening headers on every response (pages, API, static files); the pages' CSP, with its
// per-request nonce, is set in proxy.ts. HSTS only in production.
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  ...(process.env.NODE_ENV === "production"
    ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }]
    : []),
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
  // No next/image anywhere: the optimizer (and sharp, which the image leaves out) is off.
  images: { unoptimized: true },
  poweredByHeader: false,
  // The container image (Dockerfile) runs the self-contained server of `output: "standalone"`.
  ...(process.env.ROADBOOK_STANDALONE === "1" ? { output: "standalone" } : {}),
  reactStrictMode: true,
  // The image build (Dockerfile) skips the type check: npm test and CI run `tsc --noEmit` first.
  typescript: { ignoreBuildErrors: process.env.ROADBOOK_BUILD_SKIP_TYPECHECK === "1" },
  // Server-only packages with native or WASM parts stay outside the bundle.
  serverExternalPackages: ["@node-rs/argon2", "@prisma/client", "pg"],
  typedRoutes: false,
};

export default nextConfig;
