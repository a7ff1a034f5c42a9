import { describe, expect, it } from "vitest";
import { classifyOwner, keptOwnersNote, type OwnerDirectory } from "@/lib/planning/import-owners";

const directory: OwnerDirectory = {
  byEmail: new Map([
    ["lee@example.com", "lee"],
    ["eve@example.com", "eve"],
    ["cy@example.com", "cy"],
  ]),
  byName: new Map([
    ["lee lead", "lee"],
    ["eve executor", "eve"],
    ["cy confirmed", "cy"],
  ]),
  titles: new Map([["qa lead", "QA Lead"]]),
  members: new Set(["lee"]),
  confirmed: new Set(["cy"]),
};

describe("what an imported owner becomes", () => {
  it("makes a member an owner, a confirmed person a new member, and only proposes anyone else", () => {
    expect(classifyOwner("@Lee Lead", directory)).toEqual({ kind: "member", userId: "lee" });
    expect(classifyOwner("LEE@example.com", directory)).toEqual({ kind: "member", userId: "lee" });
    expect(classifyOwner("cy@example.com", directory)).toEqual({ kind: "confirmed", userId: "cy" });
    expect(classifyOwner("Eve Executor", directory)).toEqual({ kind: "proposed", userId: "eve" });
  });

  it("keeps sign-off titles and role-like words as title owners, and reports any other name", () => {
    expect(classifyOwner("qa lead", directory)).toEqual({ kind: "title", title: "QA Lead" });
    expect(classifyOwner("@DBA", directory)).toEqual({ kind: "title", title: "DBA" });
    expect(classifyOwner("On-call Engineer", directory)).toEqual({ kind: "title", title: "On-call Engineer" });
    expect(classifyOwner("@morgan", directory)).toEqual({ kind: "unresolved", written: "@morgan" });
    expect(classifyOwner("Morgan Nobody", directory)).toEqual({ kind: "unresolved", written: "Morgan Nobody" });
    expect(keptOwnersNote(["@morgan", "Eve Executor"])).toBe("Owner named in the imported document, not on this plan: @morgan; Eve Executor");
  });

  it("reads a 100 KB owner word in linear time", () => {
    expect(classifyOwner(`${"lead ".repeat(20_000)}x`, directory).kind).toBe("unresolved");
    expect(classifyOwner("@".repeat(100_000), directory).kind).toBe("unresolved");
  });
});
