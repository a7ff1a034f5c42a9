import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { resetDatabase } from "@/lib/testing/reset-database";
import { createUser, hasAnyUser } from "@/lib/users/create-user";
import { verifyCredentials } from "@/lib/users/verify-credentials";

const account = (n: number) => ({ name: `Person ${n}`, email: `person${n}@example.com`, password: "long-enough-password" });

beforeEach(resetDatabase);

describe("createUser", () => {
  it("makes the first account of an empty instance its admin, and later ones members", async () => {
    expect(await hasAnyUser()).toBe(false);
    const first = await createUser(account(1));
    const second = await createUser(account(2));
    expect(first.role).toBe("ADMIN");
    expect(second.role).toBe("MEMBER");
    expect(await hasAnyUser()).toBe(true);
  });

  it("makes exactly one admin when several accounts are created at the same moment", async () => {
    const created = await Promise.all([1, 2, 3, 4, 5].map((n) => createUser(account(n))));
    expect(created.filter((user) => user.role === "ADMIN")).toHaveLength(1);
    expect(await db().user.count({ where: { role: "ADMIN" } })).toBe(1);
  });

  it("refuses a second account with the same email with a conflict, leaving the first untouched", async () => {
    await createUser(account(1));
    const error = await createUser({ ...account(1), name: "Someone else" }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(409);
    expect(await db().user.findMany({ select: { name: true } })).toEqual([{ name: "Person 1" }]);
  });

  it("stores a bcrypt hash, never the password, and leaves it out of ordinary queries", async () => {
    const { id } = await createUser(account(1));
    const withHash = await db().user.findUniqueOrThrow({ where: { id }, omit: { passwordHash: false } });
    expect(withHash.passwordHash).toMatch(/^\$2[aby]\$12\$/);
    expect(withHash.passwordHash).not.toContain("long-enough-password");
    const ordinary = await db().user.findUniqueOrThrow({ where: { id } });
    expect(ordinary).not.toHaveProperty("passwordHash");
  });
});

describe("verifyCredentials", () => {
  it("returns the account for the right password and null otherwise", async () => {
    const { id } = await createUser(account(1));
    await expect(verifyCredentials({ email: "person1@example.com", password: "long-enough-password" })).resolves.toMatchObject({ id });
    await expect(verifyCredentials({ email: "person1@example.com", password: "wrong-password" })).resolves.toBeNull();
    await expect(verifyCredentials({ email: "nobody@example.com", password: "long-enough-password" })).resolves.toBeNull();
  });

  it("refuses a deactivated account even with the right password", async () => {
    const { id } = await createUser(account(1));
    await db().user.update({ where: { id }, data: { active: false } });
    await expect(verifyCredentials({ email: "person1@example.com", password: "long-enough-password" })).resolves.toBeNull();
  });
});
