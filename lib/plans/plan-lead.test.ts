import { describe, expect, it } from "vitest";
import { emailsIn } from "@/lib/plans/plan-lead";

describe("emailsIn", () => {
  it("finds the addresses in a lead line, in brackets, after mailto: or at a sentence's end", () => {
    expect(emailsIn("Lee Deploy (lead@example.com)")).toEqual(["lead@example.com"]);
    expect(emailsIn("<mailto:ops@example.org>, backup: sam@example.net.")).toEqual(["ops@example.org", "sam@example.net"]);
    expect(emailsIn("Lee Deploy, on call @ night")).toEqual([]);
  });
});
