import { db } from "@/lib/db";
import { findActiveShareLink } from "@/lib/share/find-share-link";

/**
 * The plan behind a share token, with what a share page shows, or null for an unknown or
 * revoked token (the page then says the link no longer works).
 */
export async function getSharedPlan(token: string) {
  const link = await findActiveShareLink(token);
  if (!link) return null;
  return db().plan.findUnique({
    where: { id: link.planId },
    include: {
      sections: { orderBy: { position: "asc" } },
      items: { orderBy: { position: "asc" }, include: { statusBy: { select: { id: true, name: true } } } },
      gates: { orderBy: { position: "asc" }, include: { roles: { orderBy: { position: "asc" } } } },
      createdBy: { select: { id: true, name: true } },
    },
  });
}
