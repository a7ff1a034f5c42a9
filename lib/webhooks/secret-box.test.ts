import { describe, expect, it } from "vitest";
import { newWebhookSecret, openSecret, sealSecret, UnreadableSecretError } from "@/lib/webhooks/secret-box";
import { signatureHeader } from "@/lib/webhooks/signature";

const APP_SECRET = "a".repeat(40);

/**
 * Tampering must change the ciphertext every time: overwriting the last base64 characters with
 * fixed ones is sometimes no change at all (about one run in 256 failed that way in CI).
 */
function flipFirstCiphertextBit(sealed: string): string {
  const [version, iv, tag, ciphertext = ""] = sealed.split(".");
  const data = Buffer.from(ciphertext, "base64url");
  data.writeUInt8(data.readUInt8(0) ^ 0x01, 0);
  return [version, iv, tag, data.toString("base64url")].join(".");
}

describe("secret-box", () => {
  it("opens what it sealed, and the sealed text does not contain the secret", () => {
    const secret = newWebhookSecret();
    const sealed = sealSecret(secret, APP_SECRET);
    expect(sealed).not.toContain(secret.slice(6));
    expect(openSecret(sealed, APP_SECRET)).toBe(secret);
    expect(sealSecret(secret, APP_SECRET)).not.toBe(sealed);
  });

  it("refuses with a clear error under another app secret or when tampered with", () => {
    const sealed = sealSecret("whsec_x", APP_SECRET);
    expect(() => openSecret(sealed, "b".repeat(40))).toThrow(UnreadableSecretError);
    expect(() => openSecret(flipFirstCiphertextBit(sealed), APP_SECRET)).toThrow(/AUTH_SECRET changed/);
    expect(() => openSecret("garbage", APP_SECRET)).toThrow(UnreadableSecretError);
  });
});

describe("signatureHeader", () => {
  it("matches a known HMAC-SHA256 of '<t>.<body>'", () => {
    // Computed independently: printf '1700000000.{"a":1}' | openssl dgst -sha256 -hmac whsec_test
    expect(signatureHeader("whsec_test", '{"a":1}', 1_700_000_000)).toBe("t=1700000000,v1=38877139021993b830af32feea6e18a8da83eb2f6e49ee50bd9e4cf4ca4d3789");
  });
});
