import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { resetDatabase } from "@/lib/testing/reset-database";
import { adminCreateUser, listUsers, resetPassword, setIdentityLinkAllowed, setUserActive } from "@/lib/users/admin-users";
import { createUser } from "@/lib/users/create-user";
import { findActiveUser } from "@/lib/users/find-active-user";
import { verifyCredentials } from "@/lib/users/verify-credentials";

const account = (n: number) => ({ name: `Person ${n}`, email: `person${n}@example.com`, password: "long-enough-password" });

beforeEach(resetDatabase);

/** The first account of an empty instance is its admin; the second a member. */
async function adminAndMember() {
  const admin = await createUser(account(1));
  const member = await createUser(account(2));
  expect(admin.role).toBe("ADMIN");
  return { admin, member };
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("adminCreateUser", () => {
  it("creates a member or an administrator who can sign in with the given password", async () => {
    const { admin } = await adminAndMember();
    const member = await adminCreateUser(admin.id, { name: " Sam Doe ", email: "Sam@Example.com", password: "eight-ch" });
    expect(member).toMatchObject({ name: "Sam Doe", email: "sam@example.com", role: "MEMBER", active: true });
    await expect(verifyCredentials({ email: "sam@example.com", password: "eight-ch" })).resolves.toMatchObject({ id: member.id });

    const second = await adminCreateUser(admin.id, { name: "Ada Admin", email: "ada@example.com", password: "long-enough-password", admin: "on" });
    expect(second.role).toBe("ADMIN");

    const listed = await listUsers(admin.id);
    expect(listed.map((user) => user.email)).toEqual(["person1@example.com", "person2@example.com", "sam@example.com", "ada@example.com"]);
    expect(listed[0]).not.toHaveProperty("passwordHash");
  });

  it("refuses a short password or a bad email with field errors, and a taken email with a conflict", async () => {
    const { admin } = await adminAndMember();
    const short = await refusal(adminCreateUser(admin.id, { name: "Sam", email: "sam@example.com", password: "seven77" }));
    expect(short.status).toBe(422);
    expect(short.details?.fieldErrors).toMatchObject({ password: "Use at least 8 characters for the password." });

    const badEmail = await refusal(adminCreateUser(admin.id, { name: "Sam", email: "not-an-email", password: "long-enough-password" }));
    expect(badEmail.details?.fieldErrors).toHaveProperty("email");

    const taken = await refusal(adminCreateUser(admin.id, { ...account(2), name: "Again" }));
    expect(taken.status).toBe(409);
    expect(await db().user.count()).toBe(2);
  });
});

describe("resetPassword", () => {
  it("replaces the password: the old one fails, the new one verifies", async () => {
    const { admin, member } = await adminAndMember();
    await resetPassword(admin.id, { userId: member.id, password: "brand-new-password" });
    await expect(verifyCredentials({ email: "person2@example.com", password: "long-enough-password" })).resolves.toBeNull();
    await expect(verifyCredentials({ email: "person2@example.com", password: "brand-new-password" })).resolves.toMatchObject({ id: member.id });
  });

  it("refuses a short password and an unknown user", async () => {
    const { admin, member } = await adminAndMember();
    expect((await refusal(resetPassword(admin.id, { userId: member.id, password: "short" }))).status).toBe(422);
    expect((await refusal(resetPassword(admin.id, { userId: "no-such-user", password: "brand-new-password" }))).status).toBe(404);
    await expect(verifyCredentials({ email: "person2@example.com", password: "long-enough-password" })).resolves.toMatchObject({ id: member.id });
  });
});

describe("setUserActive", () => {
  it("deactivates a user, who is then refused at sign-in and by every session lookup, and reactivates them", async () => {
    const { admin, member } = await adminAndMember();
    const deactivated = await setUserActive(admin.id, { userId: member.id, active: false });
    expect(deactivated.active).toBe(false);
    await expect(verifyCredentials({ email: "person2@example.com", password: "long-enough-password" })).resolves.toBeNull();
    // Pages, API routes and the socket handshake all resolve the session through this.
    await expect(findActiveUser(member.id)).resolves.toBeNull();

    await setUserActive(admin.id, { userId: member.id, active: "true" });
    await expect(verifyCredentials({ email: "person2@example.com", password: "long-enough-password" })).resolves.toMatchObject({ id: member.id });
    await expect(findActiveUser(member.id)).resolves.toMatchObject({ id: member.id });
  });

  it("refuses to let an admin deactivate themselves", async () => {
    const { admin } = await adminAndMember();
    await adminCreateUser(admin.id, { name: "Ada Admin", email: "ada@example.com", password: "long-enough-password", admin: true });
    const error = await refusal(setUserActive(admin.id, { userId: admin.id, active: false }));
    expect(error.status).toBe(409);
    expect(error.message).toMatch(/cannot deactivate your own account/);
    expect(await findActiveUser(admin.id)).not.toBeNull();
  });

  it("lets one admin deactivate another, who can then no longer act", async () => {
    const { admin } = await adminAndMember();
    const ada = await adminCreateUser(admin.id, { name: "Ada Admin", email: "ada@example.com", password: "long-enough-password", admin: true });
    await setUserActive(ada.id, { userId: admin.id, active: false });
    // Ada is now the last active administrator: the deactivated admin cannot remove her...
    expect((await refusal(setUserActive(admin.id, { userId: ada.id, active: false }))).status).toBe(403);
    // ...and she cannot remove herself.
    expect((await refusal(setUserActive(ada.id, { userId: ada.id, active: false }))).status).toBe(409);
    expect(await db().user.count({ where: { role: "ADMIN", active: true } })).toBe(1);
  });

  it("never removes the last active administrator, even when two admins deactivate each other at the same moment", async () => {
    const { admin } = await adminAndMember();
    const ada = await adminCreateUser(admin.id, { name: "Ada Admin", email: "ada@example.com", password: "long-enough-password", admin: true });
    const results = await Promise.allSettled([
      setUserActive(admin.id, { userId: ada.id, active: false }),
      setUserActive(ada.id, { userId: admin.id, active: false }),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((result) => result.status === "rejected");
    expect(rejected?.reason).toBeInstanceOf(AppError);
    expect(await db().user.count({ where: { role: "ADMIN", active: true } })).toBe(1);
  });
});

describe("permissions", () => {
  it("refuses a member, a deactivated admin and an unknown actor with 403, changing nothing", async () => {
    const { admin, member } = await adminAndMember();
    for (const attempt of [
      () => listUsers(member.id),
      () => adminCreateUser(member.id, { name: "Sam", email: "sam@example.com", password: "long-enough-password" }),
      () => resetPassword(member.id, { userId: admin.id, password: "taken-over-password" }),
      () => setUserActive(member.id, { userId: admin.id, active: false }),
      () => listUsers("no-such-user"),
    ]) {
      expect((await refusal(attempt())).status).toBe(403);
    }
    expect(await db().user.count()).toBe(2);
    await expect(verifyCredentials({ email: "person1@example.com", password: "long-enough-password" })).resolves.toMatchObject({ id: admin.id });
    expect(await findActiveUser(admin.id)).not.toBeNull();
  });
});

describe("setIdentityLinkAllowed", () => {
  it("lets an admin allow and withdraw one single sign-on link, and refuses anyone else", async () => {
    const { admin, member } = await adminAndMember();
    const allowed = await setIdentityLinkAllowed(admin.id, { userId: member.id, allowed: "true" });
    expect(allowed).toMatchObject({ id: member.id, identityLinkAllowed: true, _count: { externalIdentities: 0 } });
    const withdrawn = await setIdentityLinkAllowed(admin.id, { userId: member.id, allowed: false });
    expect(withdrawn.identityLinkAllowed).toBe(false);

    expect((await refusal(setIdentityLinkAllowed(member.id, { userId: admin.id, allowed: true }))).status).toBe(403);
    expect((await refusal(setIdentityLinkAllowed(admin.id, { userId: "no-such-user", allowed: true }))).status).toBe(404);
    const stored = await db().user.findUniqueOrThrow({ where: { id: admin.id }, select: { identityLinkAllowed: true } });
    expect(stored.identityLinkAllowed).toBe(false);
  });
});
