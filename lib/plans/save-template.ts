import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { planDocumentSchema, type PlanDocument } from "@/lib/plan-document/schema";
import { toTemplate } from "@/lib/plan-document/template";

/** Saves a document as a team template: the same structure, every run state removed. */
export async function saveTemplate(input: { document: PlanDocument; name?: string; description?: string; createdById: string }) {
  const document = toTemplate(planDocumentSchema.parse(input.document));
  return db().template.create({
    data: {
      name: input.name?.trim() || document.title || "Untitled template",
      description: input.description?.trim() || null,
      document: document as unknown as Prisma.InputJsonValue,
      createdById: input.createdById,
    },
    select: { id: true, name: true },
  });
}
