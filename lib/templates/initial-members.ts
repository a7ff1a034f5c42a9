/**
 * Who a plan made from a template starts with: its creator and the deploy lead picked on the
 * form lead it; the title holders picked (or copied from the last plan of the same service)
 * approve, each with every title they were given. Pure, so the merging is unit-tested.
 */
export interface InitialMember {
  userId: string;
  role: "LEAD" | "APPROVER";
  titles: string[];
}

export function initialMembers(input: { creatorId: string; leadId?: string | null; holders: Readonly<Record<string, string>> }): InitialMember[] {
  const members = new Map<string, InitialMember>();
  const add = (userId: string, role: InitialMember["role"], title?: string) => {
    const member = members.get(userId) ?? { userId, role, titles: [] };
    if (role === "LEAD") member.role = "LEAD";
    if (title && !member.titles.includes(title)) member.titles.push(title);
    members.set(userId, member);
  };
  add(input.creatorId, "LEAD");
  if (input.leadId) add(input.leadId, "LEAD");
  for (const [title, userId] of Object.entries(input.holders)) add(userId, "APPROVER", title);
  return [...members.values()];
}

/**
 * Title holders for the titles left open, taken from an earlier plan's members: the first
 * member (oldest first) who held each title there and is still an active account.
 */
export function holdersCopiedFrom(
  titles: readonly string[],
  given: Readonly<Record<string, string>>,
  earlier: readonly { userId: string; titles: readonly string[] }[],
  isActive: (userId: string) => boolean,
): Record<string, string> {
  const holders: Record<string, string> = { ...given };
  for (const title of titles) {
    if (holders[title]) continue;
    const holder = earlier.find((member) => member.titles.includes(title) && isActive(member.userId));
    if (holder) holders[title] = holder.userId;
  }
  return holders;
}
