import { defineConfig, devices } from "@playwright/test";

/**
 * End-to-end tests against a production build served by our own server.ts. Run them with
 * `npm run test:e2e`, which builds once, provides a throwaway database and checks that a
 * browser exists (the system Chromium; Playwright never downloads one here).
 *
 * The "setup" project signs each demo account in once (e2e/auth.setup.ts); specs reuse those
 * sessions and create the plans they need, so they run in parallel against the one server.
 * E2E_WORKERS sets how many (default 2).
 */
const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${port}`;
const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
// Specs sign email links (lib/notifications/signed-link.ts) as the server does; the workers inherit this.
process.env.AUTH_SECRET = "e2e-secret-that-is-only-used-by-the-test-run-0123456789";

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  fullyParallel: true,
  workers: Number(process.env.E2E_WORKERS ?? 2),
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  // Generous bounds: the suite shares a small CPU with the server, Chromium and often other
  // work; a test that needs longer says so (test.slow()).
  timeout: 180_000,
  expect: { timeout: 30_000 },
  reporter: [["list"]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: chromiumPath,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  projects: [
    { name: "setup", testMatch: /auth\.setup\.ts$/ },
    { name: "chromium", use: { ...devices["Desktop Chrome"] }, dependencies: ["setup"] },
  ],
  webServer: {
    command: "node_modules/.bin/tsx server.ts",
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      NODE_ENV: "production",
      PORT: String(port),
      HOST: "127.0.0.1",
      DATABASE_URL: process.env.DATABASE_URL ?? "",
      AUTH_SECRET: "e2e-secret-that-is-only-used-by-the-test-run-0123456789",
      AUTH_URL: baseURL,
      DEMO_DATA: "true",
      NEXT_TELEMETRY_DISABLED: "1",
      // Step checks and webhooks (e2e/http-checks.spec.ts, e2e/webhooks.spec.ts) reach the specs' own receivers on loopback.
      WEBHOOK_ALLOWED_HOSTS: "127.0.0.1",
    },
  },
});
