import { describe, expect, it } from "vitest";
import { commentAsText, commentParts, findMentions, mentionQueryAt, mentionToken } from "@/lib/mentions/mention-syntax";

describe("mentions in comment text", () => {
  it("finds each mentioned person once, names with spaces included", () => {
    const body = `${mentionToken("Ann Lee", "u_ann")} and ${mentionToken("Bo", "u-bo")}, again ${mentionToken("Ann Lee", "u_ann")}`;
    expect(findMentions(body)).toEqual([
      { name: "Ann Lee", userId: "u_ann" },
      { name: "Bo", userId: "u-bo" },
    ]);
  });

  it("treats text typed by hand as text: a bare @name, a broken token, an id with odd characters", () => {
    expect(findMentions("@Ann please look, @[Ann Lee] and @[Ann](u 1) and @[](u1) and @[A](u1;drop)")).toEqual([]);
  });

  it("shows mentions as @Name without the id", () => {
    const body = `ping ${mentionToken("Ann Lee", "u1")}: done?`;
    expect(commentParts(body)).toEqual([
      { kind: "text", text: "ping " },
      { kind: "mention", name: "Ann Lee" },
      { kind: "text", text: ": done?" },
    ]);
    expect(commentAsText(body)).toBe("ping @Ann Lee: done?");
    expect(commentAsText("no mentions")).toBe("no mentions");
  });

  it("keeps brackets and line breaks of a name out of the token", () => {
    expect(mentionToken("Ann [ops]\nLee", "u1")).toBe("@[Ann  ops  Lee](u1)");
    expect(findMentions(mentionToken("Ann [ops]", "u1"))).toEqual([{ name: "Ann  ops", userId: "u1" }]);
  });

  it("knows the @query being typed before the caret", () => {
    expect(mentionQueryAt("hi @an", 6)).toEqual({ start: 3, query: "an" });
    expect(mentionQueryAt("@", 1)).toEqual({ start: 0, query: "" });
    expect(mentionQueryAt("hi @ann lee", 11)).toEqual({ start: 3, query: "ann lee" });
    expect(mentionQueryAt("mail a@b", 8)).toBeNull();
    expect(mentionQueryAt("hi @ ann", 8)).toBeNull();
    expect(mentionQueryAt("no at here", 10)).toBeNull();
    expect(mentionQueryAt(`@${"a".repeat(41)}`, 42)).toBeNull();
  });

  // As in lib/plans/user-text-regexes.test.ts: linear work on 100 KB takes milliseconds,
  // quadratic backtracking many seconds; the bound sits far between the two.
  it("scans 100 KB of its worst input in linear time", () => {
    const KB100 = 100 * 1024;
    const worst = [
      "@[".repeat(KB100 / 2),
      "@".repeat(KB100),
      `@[${"a".repeat(99)}](`.repeat(KB100 / 103),
      `@[${"a".repeat(99)}](${"b".repeat(63)}`.repeat(KB100 / 166),
    ];
    for (const input of worst) {
      const started = performance.now();
      expect(findMentions(input)).toEqual([]);
      commentParts(input);
      mentionQueryAt(input, input.length);
      expect(performance.now() - started).toBeLessThan(2_000);
    }
  });
});
