import { readSignoffToken } from "@/lib/notifications/signoff-link";

/** The page of one gate: what a sign-off request email leads to, through sign-in. */
export function gatePagePath(planId: string, gateId: string): string {
  return `/plans/${encodeURIComponent(planId)}/gates/${encodeURIComponent(gateId)}`;
}

export type SignoffLinkDestination = { kind: "gate"; path: string } | { kind: "expired"; planPath: string | null } | { kind: "invalid" };

/**
 * Where a followed sign-off link goes. The token only names the gate: it grants nothing, so a
 * valid link leads to the gate's page whoever follows it, and that page applies the viewer's
 * own rights (a link forwarded to a colleague shows them what they may see, nothing more).
 */
export function signoffLinkDestination(token: string | undefined): SignoffLinkDestination {
  if (!token) return { kind: "invalid" };
  const link = readSignoffToken(token);
  if (link.ok) return { kind: "gate", path: gatePagePath(link.payload.planId, link.payload.gateId) };
  if (link.reason === "expired") return { kind: "expired", planPath: link.payload ? `/plans/${encodeURIComponent(link.payload.planId)}` : null };
  return { kind: "invalid" };
}
