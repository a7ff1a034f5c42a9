import { existsSync } from "node:fs";
import path from "node:path";

/**
 * The real plans in ../shared/seed-docs (or SEED_DOCS_DIR, for a checkout that lives
 * elsewhere, such as a git worktree); tests fail, never skip, when they are missing.
 */
export function seedDocument(name: string): string {
  const directory = process.env.SEED_DOCS_DIR ?? path.resolve(process.cwd(), "..", "shared", "seed-docs");
  const file = path.resolve(directory, name);
  if (!existsSync(file)) throw new Error(`Seed document missing: ${file}. The import tests need ../shared/seed-docs (or SEED_DOCS_DIR).`);
  return file;
}
