import { describe, expect, it } from "vitest";
import { composeMail, describeSmtpError, messageIdFor, outcomeOfFailure, redactSmtpUrl, senderDomain } from "@/lib/mail/mail-envelope";

const HOUR = 60 * 60 * 1000;
const smtpError = (responseCode: number | undefined, message: string) => Object.assign(new Error(message), { responseCode });

describe("composeMail", () => {
  const mail = { id: "m1", to: "ada@example.com", subject: "Sign-off needed", text: "plain", html: "<p>html</p>", unsubscribeUrl: "https://preflight.example/u?t=abc" };

  it("carries both parts, the one-click unsubscribe headers and a Message-ID derived from the row", () => {
    expect(composeMail(mail, "Preflight <preflight@example.com>")).toEqual({
      from: "Preflight <preflight@example.com>",
      to: "ada@example.com",
      subject: "Sign-off needed",
      text: "plain",
      html: "<p>html</p>",
      messageId: "<mail-m1@example.com>",
      headers: { "List-Unsubscribe": "<https://preflight.example/u?t=abc>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
    });
  });

  it("gives the same Message-ID on every attempt, and a different one to each message", () => {
    expect(messageIdFor("m1", "a@b.c")).toBe(messageIdFor("m1", "a@b.c"));
    expect(messageIdFor("m1", "a@b.c")).not.toBe(messageIdFor("m2", "a@b.c"));
  });
});

describe("senderDomain", () => {
  it("reads the domain of the sender address, with or without a name", () => {
    expect(senderDomain("Preflight <preflight@ops.example.com>")).toBe("ops.example.com");
    expect(senderDomain("noreply@example.org")).toBe("example.org");
    expect(senderDomain("Preflight")).toBe("localhost");
  });
});

describe("outcomeOfFailure", () => {
  it("does not retry a permanent refusal (5xx)", () => {
    expect(outcomeOfFailure(smtpError(550, "550 No such user"), { attempts: 1, ageMs: 0 }, 1000, 0)).toEqual({ status: "FAILED", error: "550 No such user" });
  });

  it("retries a temporary refusal or a connection failure with doubling delays", () => {
    const delays = [1, 2, 3].map((attempts) => outcomeOfFailure(smtpError(451, "451 Try again later"), { attempts, ageMs: 0 }, 1000, 0));
    expect(delays).toEqual([1, 2, 3].map((attempts) => ({ status: "PENDING", error: "451 Try again later", retryInMs: 500 * 2 ** (attempts - 1) })));
    expect(outcomeOfFailure(new Error("connect ECONNREFUSED 127.0.0.1:25"), { attempts: 1, ageMs: 0 }, 1000, 0.999999).status).toBe("PENDING");
  });

  it("gives up when the next try would come more than 24 hours after the message was queued", () => {
    expect(outcomeOfFailure(smtpError(421, "421 busy"), { attempts: 30, ageMs: 24 * HOUR - 10 * 60 * 1000 }, 60_000, 0)).toEqual({
      status: "FAILED",
      error: "gave up after 30 attempts: 421 busy",
    });
    expect(outcomeOfFailure(smtpError(421, "421 busy"), { attempts: 30, ageMs: 20 * HOUR }, 60_000, 0).status).toBe("PENDING");
  });
});

describe("redactSmtpUrl", () => {
  it("never shows the password", () => {
    expect(redactSmtpUrl("smtps://mailer:s3cret!@mail.example.com:465")).toBe("smtps://mailer:***@mail.example.com:465");
    expect(redactSmtpUrl("smtp://mail.example.com:587?pass=s3cret")).toBe("smtp://mail.example.com:587");
    expect(redactSmtpUrl("smtp://mailer:s3cret@")).not.toContain("s3cret");
  });
});

describe("describeSmtpError", () => {
  it("folds a server's multi-line answer to one short line", () => {
    expect(describeSmtpError(new Error("451 4.3.0\r\n  try   again later "))).toBe("451 4.3.0 try again later");
    expect(describeSmtpError("x".repeat(2_000))).toHaveLength(500);
  });

  // An SMTP server's answer is outside text: 100 KB of the pattern's worst characters (whitespace, and whitespace broken up) folds in one pass.
  it("folds 100 KB of its worst characters in one pass", () => {
    const KB100 = 100 * 1024;
    expect(describeSmtpError(new Error(" \t\r\n".repeat(KB100 / 4) + "x"))).toBe("x");
    expect(describeSmtpError(new Error(" a".repeat(KB100 / 2)))).toHaveLength(500);
  });
});
