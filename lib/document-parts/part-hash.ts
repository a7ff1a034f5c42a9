import { createHash } from "node:crypto";

/**
 * A short hash of a part of the plan document as it stands (a gate, a table, a template).
 * Editors send back the hash of what they loaded; a different one on the server means
 * someone changed the part first. Parts have no version column of their own: they live in
 * the plan's document, and a hash of their content needs none.
 */
export function partHash(part: unknown): string {
  return createHash("sha256").update(JSON.stringify(part)).digest("base64url").slice(0, 22);
}
