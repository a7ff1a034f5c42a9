import { beforeAll, describe, expect, it, vi } from "vitest";
import { signoffLinkUrl, SIGNOFF_LINK_VALID_MS } from "@/lib/notifications/signoff-link";
import { signoffLinkDestination } from "@/lib/notifications/signoff-link-destination";
import { signLinkToken } from "@/lib/notifications/signed-link";

const tokenOf = (url: string) => new URL(url).searchParams.get("token") ?? "";

describe("where a followed sign-off link leads", () => {
  beforeAll(() => {
    vi.stubEnv("AUTH_SECRET", "a-test-secret-of-enough-length-0123456789");
  });

  it("leads a valid link to the gate's page, whoever follows it", () => {
    expect(signoffLinkDestination(tokenOf(signoffLinkUrl("plan-1", "gate-2", "user-3")))).toEqual({ kind: "gate", path: "/plans/plan-1/gates/gate-2" });
  });

  it("says an expired link expired, pointing at its plan", () => {
    const sentLongAgo = new Date(Date.now() - SIGNOFF_LINK_VALID_MS - 60_000);
    expect(signoffLinkDestination(tokenOf(signoffLinkUrl("plan-1", "gate-2", "user-3", sentLongAgo)))).toEqual({ kind: "expired", planPath: "/plans/plan-1" });
  });

  it("refuses forged, foreign and missing tokens alike", () => {
    const token = tokenOf(signoffLinkUrl("plan-1", "gate-2", "user-3"));
    const [, signature] = token.split(".");
    const otherGate = Buffer.from(JSON.stringify({ planId: "plan-1", gateId: "gate-9", userId: "user-3", exp: 9_999_999_999 })).toString("base64url");
    const unsubscribeToken = signLinkToken("unsubscribe", { planId: "plan-1", gateId: "gate-2", userId: "user-3" }, new Date(Date.now() + 60_000));
    for (const bad of [`${otherGate}.${signature}`, unsubscribeToken, "", undefined, "x".repeat(100_000)]) expect(signoffLinkDestination(bad)).toEqual({ kind: "invalid" });
  });
});
