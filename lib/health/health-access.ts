import { createHash, timingSafeEqual } from "node:crypto";
import type { HealthReport } from "@/lib/health/check-health";

/** What anyone may see: whether the app and its database answer, nothing about versions or internals. */
export type PublicHealth = Pick<HealthReport, "status">;

/**
 * Whether `Authorization: Bearer <token>` carries the configured HEALTH_TOKEN. Both sides are
 * hashed first, so the comparison takes the same time whatever the length or the first wrong byte.
 */
export function bearerTokenMatches(authorization: string | null, expectedToken: string | undefined): boolean {
  if (!expectedToken || !authorization) return false;
  const match = /^Bearer +(\S+) *$/i.exec(authorization);
  if (!match) return false;
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(match[1]!), digest(expectedToken));
}

/** The body of `GET /api/health`: the whole report for those allowed to read it, else the status alone. */
export function healthBody(report: HealthReport, detailed: boolean): HealthReport | PublicHealth {
  return detailed ? report : { status: report.status };
}

export function healthStatusCode(report: HealthReport): 200 | 503 {
  return report.status === "ok" ? 200 : 503;
}
