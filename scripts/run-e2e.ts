/**
 * `npm run test:e2e`: checks for a browser, builds the app once (production), and runs the
 * Playwright suite against a fresh throwaway database. It never skips: without a browser
 * it stops and says how to install one.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { runWithTestDatabase } from "./with-test-database";

const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!existsSync(chromiumPath)) {
  console.error(
    `No browser at ${chromiumPath}. The end-to-end tests need Chromium:\n` +
      "  Debian/Ubuntu: sudo apt-get install -y chromium\n" +
      "  elsewhere: install Chromium or Chrome and set CHROMIUM_PATH to its executable.",
  );
  process.exit(1);
}

if (process.env.E2E_SKIP_BUILD !== "1") {
  const build = spawnSync("npm", ["run", "build"], { stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const extraArgs = process.argv.slice(2);
runWithTestDatabase(["node_modules/.bin/playwright", "test", ...extraArgs], { CHROMIUM_PATH: chromiumPath }).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
