import { NextResponse } from "next/server";
import { currentUser } from "@/lib/auth/current-user";
import { settings } from "@/lib/env";
import { checkHealth } from "@/lib/health/check-health";
import { bearerTokenMatches, healthBody, healthStatusCode } from "@/lib/health/health-access";

// Always live: a cached health answer would hide an outage.
export const dynamic = "force-dynamic";

/** Details (version, uptime, database, migrations) for a monitor holding HEALTH_TOKEN or a signed-in administrator. */
async function mayReadDetails(request: Request): Promise<boolean> {
  if (bearerTokenMatches(request.headers.get("authorization"), settings().HEALTH_TOKEN)) return true;
  // Reading the account needs the database; when it is down, the answer is the short one.
  const user = await currentUser().catch(() => null);
  return user?.role === "ADMIN";
}

export async function GET(request: Request) {
  const report = await checkHealth();
  return NextResponse.json(healthBody(report, await mayReadDetails(request)), {
    status: healthStatusCode(report),
    headers: { "Cache-Control": "no-store" },
  });
}
