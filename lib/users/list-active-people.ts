import { db } from "@/lib/db";

/** Active accounts by name, for picking a deploy lead or a title holder (at most 500). */
export function listActivePeople() {
  return db().user.findMany({ where: { active: true }, orderBy: [{ name: "asc" }, { email: "asc" }], select: { id: true, name: true, email: true }, take: 500 });
}
