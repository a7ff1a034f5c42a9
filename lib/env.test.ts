import { describe, expect, it } from "vitest";
import { ConfigurationError, parseSettings } from "@/lib/env";

describe("parseSettings", () => {
  it("applies defaults for an empty environment", () => {
    const settings = parseSettings({});
    expect(settings).toMatchObject({ NODE_ENV: "development", PORT: 3000, DEMO_DATA: "auto", AUTH_TRUST_HOST: true });
    expect(settings.DATABASE_URL).toBeUndefined();
  });

  it("names each malformed setting", () => {
    const problems = (() => {
      try {
        parseSettings({ PORT: "eighty", DATABASE_URL: "mysql://x", DEMO_DATA: "maybe" });
        return [];
      } catch (error) {
        return (error as ConfigurationError).problems;
      }
    })();
    expect(problems).toHaveLength(3);
    expect(problems.join("\n")).toMatch(/^PORT: /m);
    expect(problems.join("\n")).toMatch(/^DATABASE_URL: must be a postgres/m);
    expect(problems.join("\n")).toMatch(/^DEMO_DATA: /m);
  });

  it("refuses production without a real AUTH_SECRET", () => {
    expect(() => parseSettings({ NODE_ENV: "production" })).toThrow(/AUTH_SECRET: production needs a real secret/);
    expect(() => parseSettings({ NODE_ENV: "production", AUTH_SECRET: "short" })).toThrow(/AUTH_SECRET/);
    expect(() => parseSettings({ NODE_ENV: "production", AUTH_SECRET: "x".repeat(40) })).not.toThrow();
  });

  it("treats empty strings as unset", () => {
    expect(parseSettings({ DATABASE_URL: "", PORT: "" }).PORT).toBe(3000);
  });
});
