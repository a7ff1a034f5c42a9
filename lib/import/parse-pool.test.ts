import { afterAll, describe, expect, it } from "vitest";
import { ImportError, TOO_SLOW_MESSAGE } from "@/lib/import/import-error";
import { closeParsePool, readUploadOffThread } from "@/lib/import/parse-pool";
import { previewPlanImport } from "@/lib/plans/import-plan";
import { AppError } from "@/lib/errors";
import { parseSettings } from "@/lib/env";

afterAll(closeParsePool);

// A document that takes a good while to read even now (a thousand times the demo plan's
// size in items); with a 1 ms limit it cannot finish, whatever the machine.
const LARGE = "- [ ] Back up the database (owner: dba) — expected: a dump\n".repeat(16_000);

describe("import parsing in a worker thread", () => {
  it("reads a document in a worker and answers its parse and decoded text", async () => {
    const upload = await readUploadOffThread("# Release\n\n- [ ] Deploy\n- [x] Announce\n");
    expect(upload.summary).toMatchObject({ items: 2, checkedItems: 1 });
    expect(upload.text).toBe("# Release\n\n- [ ] Deploy\n- [x] Announce\n");
  }, 60_000);

  it("passes the importer's own refusals on as ImportError", async () => {
    await expect(readUploadOffThread("   ")).rejects.toMatchObject({ name: "ImportError", code: "empty" });
  }, 60_000);

  it("stops a parse past the time limit with 'too_slow', and the pool serves the next one", async () => {
    const refused = await readUploadOffThread(LARGE, { timeoutMs: 1 }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ImportError);
    expect(refused).toMatchObject({ code: "too_slow", message: TOO_SLOW_MESSAGE });
    const next = await readUploadOffThread("- [ ] After the timeout\n");
    expect(next.document.sections[0]?.items[0]?.text).toBe("After the timeout");
  }, 60_000);

  it("answers a 422 'This document took too long to read' through the import path", async () => {
    const refused = await previewPlanImport(LARGE, { timeoutMs: 1 }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ status: 422, details: { reason: "too_slow" } });
    expect((refused as Error).message).toMatch(/^This document took too long to read/);
  }, 60_000);

  it("takes the limit from IMPORT_PARSE_TIMEOUT_MS (default 5000 ms)", () => {
    expect(parseSettings({}).IMPORT_PARSE_TIMEOUT_MS).toBe(5000);
    expect(parseSettings({ IMPORT_PARSE_TIMEOUT_MS: "250" }).IMPORT_PARSE_TIMEOUT_MS).toBe(250);
    expect(() => parseSettings({ IMPORT_PARSE_TIMEOUT_MS: "soon" })).toThrow(/IMPORT_PARSE_TIMEOUT_MS/);
  });

  it("keeps the decoded text of a Windows-1252 upload: café stays café", async () => {
    const bytes = Uint8Array.from([...Buffer.from("- [ ] Tell the caf"), 0xe9, ...Buffer.from(" team\n")]);
    const preview = await previewPlanImport(bytes);
    expect(preview.text).toBe("- [ ] Tell the café team\n");
    expect(preview.document.sections[0]?.items[0]?.text).toBe("Tell the café team");
    // What the page hands to "Create plan" is that text; reading it again gives the same plan.
    const again = await previewPlanImport(preview.text);
    expect(again.document.sections[0]?.items[0]?.text).toBe("Tell the café team");
  }, 60_000);
});
