/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // The container image (Dockerfile) runs the self-contained server of `output: "standalone"`.
  ...(process.env.ROADBOOK_STANDALONE === "1" ? { output: "standalone" } : {}),
  reactStrictMode: true,
  // Server-only packages with native or WASM parts stay outside the bundle.
  serverExternalPackages: ["@node-rs/argon2", "@prisma/client", "pg"],
  typedRoutes: false,
};

export default nextConfig;
