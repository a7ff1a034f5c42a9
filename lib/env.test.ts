import { describe, expect, it } from "vitest";
import { ConfigurationError, oidcSettings, parseSettings } from "@/lib/env";

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

  it("takes an smtp:// or smtps:// SMTP_URL and names anything else", () => {
    expect(parseSettings({ SMTP_URL: "smtps://user:pw@mail.example.com:465" }).SMTP_URL).toBe("smtps://user:pw@mail.example.com:465");
    expect(() => parseSettings({ SMTP_URL: "mail.example.com:25" })).toThrow(/SMTP_URL: must be an smtp:\/\/ or smtps:\/\/ URL/);
    expect(parseSettings({}).MAIL_FROM).toBe("Preflight <preflight@localhost>");
  });

  it("treats empty strings as unset", () => {
    expect(parseSettings({ DATABASE_URL: "", PORT: "" }).PORT).toBe(3000);
  });

  it("leaves single sign-on off unless configured", () => {
    const settings = parseSettings({});
    expect(settings.OIDC_NAME).toBe("Single sign-on");
    expect(oidcSettings(settings)).toBeNull();
  });

  it("reads a complete OpenID Connect configuration, with the button label defaulted or given", () => {
    const complete = { OIDC_ISSUER: "https://id.example.com/realms/main", OIDC_CLIENT_ID: "preflight", OIDC_CLIENT_SECRET: "s3cret" };
    expect(oidcSettings(parseSettings(complete))).toEqual({
      issuer: "https://id.example.com/realms/main",
      clientId: "preflight",
      clientSecret: "s3cret",
      name: "Single sign-on",
    });
    expect(oidcSettings(parseSettings({ ...complete, OIDC_NAME: "Acme SSO" }))?.name).toBe("Acme SSO");
  });

  it("refuses a partial OpenID Connect configuration, naming each missing variable", () => {
    const problemsOf = (source: Record<string, string>) => {
      try {
        parseSettings(source);
        return [];
      } catch (error) {
        return (error as ConfigurationError).problems;
      }
    };
    const onlyIssuer = problemsOf({ OIDC_ISSUER: "https://id.example.com" });
    expect(onlyIssuer).toHaveLength(2);
    expect(onlyIssuer.join("\n")).toMatch(/^OIDC_CLIENT_ID: missing/m);
    expect(onlyIssuer.join("\n")).toMatch(/^OIDC_CLIENT_SECRET: missing/m);

    const noSecret = problemsOf({ OIDC_ISSUER: "https://id.example.com", OIDC_CLIENT_ID: "preflight" });
    expect(noSecret).toEqual([expect.stringMatching(/^OIDC_CLIENT_SECRET: missing/)]);

    expect(problemsOf({ OIDC_CLIENT_SECRET: "s3cret", OIDC_CLIENT_ID: "preflight" })).toEqual([expect.stringMatching(/^OIDC_ISSUER: missing/)]);
    // Empty strings count as unset, so a blank line in an env file does not half-enable it.
    expect(problemsOf({ OIDC_ISSUER: "", OIDC_CLIENT_ID: "", OIDC_CLIENT_SECRET: "" })).toEqual([]);
  });

  it("refuses an issuer that is not an http(s) URL", () => {
    expect(() => parseSettings({ OIDC_ISSUER: "id.example.com", OIDC_CLIENT_ID: "preflight", OIDC_CLIENT_SECRET: "s3cret" })).toThrow(/OIDC_ISSUER: /);
  });

  it("reads WEBHOOK_ALLOWED_HOSTS and names an entry it cannot read", () => {
    expect(parseSettings({ WEBHOOK_ALLOWED_HOSTS: "127.0.0.1, 10.0.0.0/8, hooks.internal" }).WEBHOOK_ALLOWED_HOSTS).toBe("127.0.0.1, 10.0.0.0/8, hooks.internal");
    expect(() => parseSettings({ WEBHOOK_ALLOWED_HOSTS: "10.0.0.0/40" })).toThrow(/WEBHOOK_ALLOWED_HOSTS: "10.0.0.0\/40": the prefix length/);
  });
});
