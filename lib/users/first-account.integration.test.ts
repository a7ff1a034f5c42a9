import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { resetDatabase } from "@/lib/testing/reset-database";
import { createFirstUser, createUser, INSTANCE_ALREADY_SET_UP } from "@/lib/users/create-user";

beforeEach(resetDatabase);

describe("the first account of an empty instance", () => {
  it("is created by exactly one of many concurrent set-up submissions; the others are told to sign in", async () => {
    const submissions = Array.from({ length: 8 }, (_, index) => ({ name: `Person ${index}`, email: `person${index}@example.com`, password: "long-enough-password" }));
    const outcomes = await Promise.allSettled(submissions.map((input) => createFirstUser(input)));

    const created = outcomes.filter((outcome) => outcome.status === "fulfilled");
    const refused = outcomes.filter((outcome): outcome is PromiseRejectedResult => outcome.status === "rejected");
    console.log(`8 concurrent set-up submissions: ${created.length} created, ${refused.length} refused`);
    expect(created).toHaveLength(1);
    expect(created[0]!.value.role).toBe("ADMIN");
    for (const { reason } of refused) {
      expect(reason).toBeInstanceOf(AppError);
      expect(reason).toMatchObject({ code: "conflict", message: INSTANCE_ALREADY_SET_UP });
    }
    expect(await db().user.findMany({ select: { role: true } })).toEqual([{ role: "ADMIN" }]);
  });

  it("cannot be created through set-up once the instance has an account", async () => {
    await createUser({ name: "Admin", email: "admin@example.com", password: "long-enough-password" });
    await expect(createFirstUser({ name: "Late", email: "late@example.com", password: "long-enough-password" })).rejects.toMatchObject({ code: "conflict" });
    expect(await db().user.count()).toBe(1);
  });
});
