import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { registerUserDisconnector } from "@/lib/realtime/broadcast";
import { resetDatabase } from "@/lib/testing/reset-database";
import { resetPassword, setUserActive } from "@/lib/users/admin-users";
import { createUser } from "@/lib/users/create-user";
import { sessionVersionOf, signOutEverywhere } from "@/lib/users/end-sessions";
import { findSessionUser, sessionVersionOfToken } from "@/lib/users/find-active-user";

/** The ids whose live connections were closed, as the socket server would close them. */
let closed: string[] = [];

beforeEach(async () => {
  await resetDatabase();
  closed = [];
  registerUserDisconnector((userId) => closed.push(userId));
});
afterEach(() => registerUserDisconnector(undefined));

async function adminAndMember() {
  const admin = await createUser({ name: "Ada Admin", email: "admin@example.com", password: "long-enough-password" });
  const member = await createUser({ name: "Sam Member", email: "sam@example.com", password: "long-enough-password" });
  return { admin, member };
}

describe("session versions", () => {
  it("a session of the current version finds its user; any other version, or a deactivated account, does not", async () => {
    const { member } = await adminAndMember();
    expect(await sessionVersionOf(member.id)).toBe(0);
    await expect(findSessionUser(member.id, 0)).resolves.toMatchObject({ id: member.id });
    await expect(findSessionUser(member.id, 1)).resolves.toBeNull();
  });

  it("reads a token's version; a token from before versions existed counts as 0, nonsense too", () => {
    expect(sessionVersionOfToken({ sessionVersion: 3 })).toBe(3);
    expect(sessionVersionOfToken({})).toBe(0);
    expect(sessionVersionOfToken(null)).toBe(0);
    expect(sessionVersionOfToken({ sessionVersion: "3" })).toBe(0);
    expect(sessionVersionOfToken({ sessionVersion: -1 })).toBe(0);
    expect(sessionVersionOfToken({ sessionVersion: 1.5 })).toBe(0);
  });

  it("a password reset ends every session of the user and closes their live connections", async () => {
    const { admin, member } = await adminAndMember();
    await resetPassword(admin.id, { userId: member.id, password: "another-password" });
    expect(await sessionVersionOf(member.id)).toBe(1);
    await expect(findSessionUser(member.id, 0)).resolves.toBeNull();
    await expect(findSessionUser(member.id, 1)).resolves.toMatchObject({ id: member.id });
    expect(closed).toEqual([member.id]);
  });

  it("a deactivation ends them too; reactivating does not revive the old sessions", async () => {
    const { admin, member } = await adminAndMember();
    await setUserActive(admin.id, { userId: member.id, active: false });
    await setUserActive(admin.id, { userId: member.id, active: true });
    expect(await sessionVersionOf(member.id)).toBe(1);
    await expect(findSessionUser(member.id, 0)).resolves.toBeNull();
    expect(closed).toEqual([member.id]);
  });

  it("'sign out everywhere' ends the person's own sessions, nobody else's", async () => {
    const { admin, member } = await adminAndMember();
    await signOutEverywhere(member.id);
    await signOutEverywhere(member.id);
    expect(await sessionVersionOf(member.id)).toBe(2);
    expect(await sessionVersionOf(admin.id)).toBe(0);
    expect(closed).toEqual([member.id, member.id]);
    await expect(signOutEverywhere("no-such-user")).rejects.toMatchObject({ status: 404 });
    expect(await db().user.count()).toBe(2);
  });

  it("a refused reset ends nothing", async () => {
    const { admin, member } = await adminAndMember();
    await expect(resetPassword(member.id, { userId: admin.id, password: "another-password" })).rejects.toMatchObject({ status: 403 });
    await expect(resetPassword(admin.id, { userId: member.id, password: "short" })).rejects.toMatchObject({ status: 422 });
    expect(await sessionVersionOf(admin.id)).toBe(0);
    expect(await sessionVersionOf(member.id)).toBe(0);
    expect(closed).toEqual([]);
  });
});
