import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "server-only": path.resolve("scripts/test/empty-module.ts"),
      "@": path.resolve("."),
    },
  },
  test: {
    include: ["{app,lib,server,prisma,scripts,components}/**/*.test.ts"],
    globalSetup: ["scripts/test/vitest-global-setup.ts"],
    setupFiles: ["scripts/test/vitest-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
