import { existsSync } from "node:fs";
import path from "node:path";

/** The real plans in ../shared/seed-docs; tests fail, never skip, when they are missing. */
export function seedDocument(name: string): string {
  const file = path.resolve(process.cwd(), "..", "shared", "seed-docs", name);
  if (!existsSync(file)) throw new Error(`Seed document missing: ${file}. The import tests need ../shared/seed-docs.`);
  return file;
}
