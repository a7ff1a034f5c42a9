import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { getTemplateDocument } from "@/lib/templates/list-templates";

/**
 * A copy of any template (built in or saved) owned by the person who asked, named "Copy of …":
 * how a built-in template, or someone else's, becomes one you can edit.
 */
export async function copyTemplate(templateId: string, ownerId: string): Promise<{ id: string }> {
  const { name, description, document } = await getTemplateDocument(templateId);
  return db().template.create({
    data: { name: `Copy of ${name}`.slice(0, 300), description: description || null, document: document as unknown as Prisma.InputJsonValue, createdById: ownerId },
    select: { id: true },
  });
}
