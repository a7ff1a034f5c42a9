import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

/**
 * Webhook signing secrets must be readable by the server (it computes an HMAC with them), so
 * they cannot be hashed like tokens. They are sealed with AES-256-GCM under a key derived from
 * AUTH_SECRET, so a copy of the database alone does not reveal them. Changing AUTH_SECRET makes
 * existing secrets unreadable: their deliveries fail with a message saying so, and the
 * subscriptions must be created again.
 */

const VERSION = "v1";
const INFO = "preflight webhook secret";

function keyFrom(appSecret: string): Buffer {
  return Buffer.from(hkdfSync("sha256", appSecret, "preflight", INFO, 32));
}

/** A new random signing secret, as shown once to whoever creates the subscription. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(24).toString("base64url")}`;
}

export function sealSecret(secret: string, appSecret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyFrom(appSecret), iv);
  const sealed = Buffer.concat([cipher.update(secret, "utf8"), cipher.final()]);
  return [VERSION, iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), sealed.toString("base64url")].join(".");
}

export class UnreadableSecretError extends Error {
  constructor() {
    super("The subscription's signing secret cannot be read (AUTH_SECRET changed since it was created); create the subscription again.");
    this.name = "UnreadableSecretError";
  }
}

export function openSecret(sealed: string, appSecret: string): string {
  const [version, iv, tag, data] = sealed.split(".");
  if (version !== VERSION || !iv || !tag || !data) throw new UnreadableSecretError();
  try {
    const decipher = createDecipheriv("aes-256-gcm", keyFrom(appSecret), Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    throw new UnreadableSecretError();
  }
}
