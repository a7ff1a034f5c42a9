import { randomBytes } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { DATA_DIRECTORY } from "@/lib/boot/data-directory";

/**
 * Outside production a missing AUTH_SECRET is generated once and kept in .data/, so that
 * sessions survive restarts of `npm run dev` without any setup. Production never gets here:
 * lib/env.ts refuses to start without a real secret.
 */
export async function developmentAuthSecret(): Promise<string> {
  const file = path.join(DATA_DIRECTORY, "auth-secret");
  try {
    const stored = (await readFile(file, "utf8")).trim();
    if (stored.length >= 32) return stored;
  } catch {
    // Not generated yet.
  }
  const secret = randomBytes(32).toString("base64url");
  await mkdir(DATA_DIRECTORY, { recursive: true });
  await writeFile(file, secret, { mode: 0o600 });
  return secret;
}
