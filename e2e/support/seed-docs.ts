import { existsSync } from "node:fs";
import path from "node:path";

/**
 * The real plans in ../shared/seed-docs (or SEED_DOCS_DIR, for a checkout that lives
 * elsewhere, such as a git worktree). They add tests to the project's own fixtures when
 * they are beside the checkout; a clone anywhere else runs the fixture tests alone.
 */
const seedDirectory = () => path.resolve(process.cwd(), process.env.SEED_DOCS_DIR ?? "../shared/seed-docs");

export function seedDocumentsPresent(): boolean {
  return existsSync(seedDirectory());
}

export function seedDocument(name: string): string {
  const file = path.resolve(seedDirectory(), name);
  if (!existsSync(file)) throw new Error(`Seed document missing: ${file}.`);
  return file;
}
