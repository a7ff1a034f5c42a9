import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { resetDatabase } from "@/lib/testing/reset-database";
import { createUser } from "@/lib/users/create-user";
import { allowIdentityLink, findActiveUserByIdentity, userForOidcSignIn } from "@/lib/users/oidc-user";

beforeEach(resetDatabase);

const ISSUER = "https://id.example.com";
const claims = (sub: string, email: string, more: Record<string, unknown> = {}) => ({ iss: ISSUER, sub, email, email_verified: true, ...more });

describe("userForOidcSignIn", () => {
  it("creates the first single sign-on account of an empty instance as its admin, later ones as members, each linked", async () => {
    const first = await userForOidcSignIn(claims("sub-ops", "Ops@Example.com", { name: "Olive Ops" }), ISSUER);
    expect(first).toMatchObject({ ok: true, created: true, user: { email: "ops@example.com", name: "Olive Ops", role: "ADMIN" } });
    const second = await userForOidcSignIn(claims("sub-dev", "dev@example.com", { preferred_username: "dev" }), ISSUER);
    expect(second).toMatchObject({ ok: true, created: true, user: { email: "dev@example.com", name: "dev", role: "MEMBER" } });
    expect(await db().externalIdentity.count()).toBe(2);
  });

  it("signs a returning identity in to its linked account, even after the email changed at the provider, and refuses it once deactivated", async () => {
    const created = await userForOidcSignIn(claims("sub-1", "person1@example.com"), ISSUER);
    const id = created.ok ? created.user.id : "";
    await expect(userForOidcSignIn(claims("sub-1", "renamed@example.com"), ISSUER)).resolves.toMatchObject({ ok: true, created: false, user: { id } });
    await expect(findActiveUserByIdentity({ issuer: ISSUER, subject: "sub-1" })).resolves.toMatchObject({ id });
    // The same subject at another issuer is another person.
    await expect(findActiveUserByIdentity({ issuer: "https://other.example.com", subject: "sub-1" })).resolves.toBeNull();

    await db().user.update({ where: { id }, data: { active: false } });
    await expect(userForOidcSignIn(claims("sub-1", "person1@example.com"), ISSUER)).resolves.toEqual({ ok: false, refusal: "deactivated" });
    await expect(findActiveUserByIdentity({ issuer: ISSUER, subject: "sub-1" })).resolves.toBeNull();
  });

  it("refuses unless email_verified is exactly true", async () => {
    for (const verified of [undefined, false, "false", "true", 1]) {
      await expect(userForOidcSignIn(claims("sub-x", "x@example.com", { email_verified: verified }), ISSUER), String(verified)).resolves.toEqual({
        ok: false,
        refusal: "unverified-email",
      });
    }
    await expect(userForOidcSignIn({ iss: ISSUER, sub: "sub-y", email_verified: true }, ISSUER)).resolves.toEqual({ ok: false, refusal: "unverified-email" });
    await expect(userForOidcSignIn({ iss: ISSUER, email: "z@example.com", email_verified: true }, ISSUER)).resolves.toEqual({ ok: false, refusal: "no-subject" });
    expect(await db().user.count()).toBe(0);
  });

  it("never takes over an existing account by email; links it once when an administrator allowed it", async () => {
    const admin = await createUser({ name: "Admin", email: "admin@example.com", password: "long-enough-password" });
    await expect(userForOidcSignIn(claims("attacker", "ADMIN@example.com"), ISSUER)).resolves.toEqual({ ok: false, refusal: "email-taken" });
    expect(await db().externalIdentity.count()).toBe(0);

    expect(await allowIdentityLink(admin.id)).toBe(true);
    await expect(userForOidcSignIn(claims("admin-sub", "admin@example.com"), ISSUER)).resolves.toMatchObject({ ok: true, user: { id: admin.id, role: "ADMIN" } });
    // The allowance is used up: another identity with the same email is refused again.
    await expect(userForOidcSignIn(claims("someone-else", "admin@example.com"), ISSUER)).resolves.toEqual({ ok: false, refusal: "email-taken" });
    await expect(userForOidcSignIn(claims("admin-sub", "admin@example.com"), ISSUER)).resolves.toMatchObject({ ok: true, user: { id: admin.id } });
  });
});
