import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { resetDatabase } from "@/lib/testing/reset-database";
import { createUser } from "@/lib/users/create-user";
import { findActiveUserByEmail, userForOidcSignIn } from "@/lib/users/oidc-user";

beforeEach(resetDatabase);

describe("userForOidcSignIn", () => {
  it("creates the first single sign-on account of an empty instance as its admin, later ones as members", async () => {
    const first = await userForOidcSignIn({ email: "Ops@Example.com", email_verified: true, name: "Olive Ops" });
    expect(first).toMatchObject({ email: "ops@example.com", name: "Olive Ops", role: "ADMIN" });
    const second = await userForOidcSignIn({ email: "dev@example.com", preferred_username: "dev" });
    expect(second).toMatchObject({ email: "dev@example.com", name: "dev", role: "MEMBER" });
    expect(await db().user.count()).toBe(2);
  });

  it("matches an existing account by email and refuses a deactivated one", async () => {
    const existing = await createUser({ name: "Person 1", email: "person1@example.com", password: "long-enough-password" });
    await expect(userForOidcSignIn({ email: "PERSON1@example.com", name: "Someone" })).resolves.toMatchObject({ id: existing.id, name: "Person 1" });
    await expect(findActiveUserByEmail("person1@example.com")).resolves.toMatchObject({ id: existing.id });

    await db().user.update({ where: { id: existing.id }, data: { active: false } });
    await expect(userForOidcSignIn({ email: "person1@example.com" })).resolves.toBeNull();
    await expect(findActiveUserByEmail("person1@example.com")).resolves.toBeNull();
    expect(await db().user.count()).toBe(1);
  });

  it("refuses a profile without a verified email", async () => {
    await expect(userForOidcSignIn({ name: "No Email" })).resolves.toBeNull();
    await expect(userForOidcSignIn({ email: "x@example.com", email_verified: false })).resolves.toBeNull();
    expect(await db().user.count()).toBe(0);
  });
});
