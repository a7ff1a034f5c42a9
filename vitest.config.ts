import { existsSync } from "node:fs";
import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = { "@": path.resolve(import.meta.dirname) };

// The project's own fixtures cover every behaviour the tests pin down. The seed documents
// (real plans from users, in ../shared/seed-docs or SEED_DOCS_DIR) add the `*.seed.test.ts`
// files when they are beside the checkout; a clone anywhere else runs everything else.
const seedDirectory = path.resolve(import.meta.dirname, process.env.SEED_DOCS_DIR ?? "../shared/seed-docs");
const seedDocumentsPresent = existsSync(seedDirectory);
if (!process.env.VITEST_WORKER_ID) {
  console.log(
    seedDocumentsPresent
      ? `[vitest] seed documents found at ${seedDirectory}: the *.seed.test.ts files run too`
      : `[vitest] no seed documents at ${seedDirectory}: running the project's own fixtures only`,
  );
}

// Two projects: unit tests are pure and fast; integration tests talk to a real PostgreSQL
// (started by scripts/with-test-database.ts) and run one file at a time. e2e/ is Playwright's.
export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          environment: "node",
          include: ["lib/**/*.test.ts", "components/**/*.test.ts", "components/**/*.test.tsx", "scripts/**/*.test.ts"],
          exclude: ["**/*.integration.test.ts", "node_modules/**", "e2e/**", ...(seedDocumentsPresent ? [] : ["**/*.seed.test.ts"])],
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          environment: "node",
          include: ["lib/**/*.integration.test.ts", "scripts/**/*.integration.test.ts"],
          exclude: ["node_modules/**", "e2e/**"],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
