import { createHash, randomBytes } from "node:crypto";

/** Every token starts with this, so a leaked one is recognisable (secret scanners, logs). */
export const TOKEN_PREFIX = "pfl_";

/** How many leading characters of a token lists show, to tell tokens apart without revealing them. */
const DISPLAY_PREFIX_LENGTH = TOKEN_PREFIX.length + 6;

/** A new secret: the prefix and 32 random bytes (256 bits), URL-safe. */
export function generateTokenSecret(): string {
  return `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
}

/**
 * What is stored and looked up: the SHA-256 of the secret. The secret has 256 bits of entropy,
 * so a fast hash is enough (a slow password hash protects low-entropy secrets, not this).
 */
export function hashTokenSecret(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

export function displayPrefixOf(secret: string): string {
  return secret.slice(0, DISPLAY_PREFIX_LENGTH);
}
