/**
 * Who may change a saved template: the person who saved it, and admins. Everyone signed in
 * may use any template and copy it (a copy is theirs to edit); built-in templates ship with
 * the app and are never edited in place.
 */
export function canEditTemplate(actor: { id: string; role: "ADMIN" | "MEMBER" }, template: { createdById: string }): boolean {
  return actor.role === "ADMIN" || template.createdById === actor.id;
}
