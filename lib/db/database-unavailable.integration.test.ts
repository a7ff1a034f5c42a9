import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { describeError } from "@/lib/describe-error";
import { createPool, db, endPool } from "@/lib/db";
import { DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable } from "@/lib/db/database-unavailable";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { integrationDatabase } from "@/lib/testing/integration-env";

/** The errors a real outage produces, from pg and from Prisma, are recognised; others are not. */

// Port 9 (discard) on loopback: nothing listens there, so connections are refused.
const NOWHERE = "postgresql://nobody@127.0.0.1:9/none";
const failureOf = (promise: Promise<unknown>) => promise.then(() => new Error("expected a failure"), (error: unknown) => error);

afterAll(async () => {
  const { closeDatabaseConnections } = await import("@/lib/db");
  await closeDatabaseConnections();
});

describe("isDatabaseUnavailable", () => {
  it("recognises a refused connection through pg and through Prisma, and describeError answers 503", async () => {
    const pool = createPool(NOWHERE, 1);
    const fromPg = await failureOf(pool.query("SELECT 1"));
    await endPool(pool);
    const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: NOWHERE, connectionTimeoutMillis: 1_000 }) });
    const fromPrisma = await failureOf(prisma.user.count());
    await prisma.$disconnect();

    for (const error of [fromPg, fromPrisma]) {
      expect(isDatabaseUnavailable(error)).toBe(true);
      expect(describeError(error)).toEqual({ status: 503, body: { error: { code: "unavailable", message: DATABASE_UNAVAILABLE_MESSAGE, retryAfterSeconds: 5 } } });
    }
  });

  it("recognises a connection the server terminated, and the process survives the client's error event", async () => {
    const pool = createPool(integrationDatabase().url, 1);
    const client = await pool.connect();
    const { rows } = await client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
    const errorEvent = new Promise<Error>((resolve) => client.once("error", resolve));
    const admin = new pg.Client({ connectionString: integrationDatabase().url });
    await admin.connect();
    await admin.query("SELECT pg_terminate_backend($1)", [rows[0]!.pid]);
    await admin.end();
    // A checked-out client with no query running: without createPool's listener this event would be an uncaughtException.
    const terminated = await errorEvent;
    const next = await failureOf(client.query("SELECT 1"));
    client.release(true);
    await endPool(pool);
    expect(isDatabaseUnavailable(terminated)).toBe(true);
    expect(isDatabaseUnavailable(next)).toBe(true);
  });

  it("leaves ordinary errors alone", async () => {
    const duplicate = await failureOf(
      (async () => {
        await db().user.create({ data: { name: "A", email: "same@example.com", passwordHash: "x" } });
        await db().user.create({ data: { name: "B", email: "same@example.com", passwordHash: "x" } });
      })(),
    );
    expect(isDatabaseUnavailable(duplicate)).toBe(false);
    expect(isDatabaseUnavailable(new Error("Something else"))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
    await db().user.deleteMany({ where: { email: "same@example.com" } });
  });
});
