import { describe, expect, it } from "vitest";
import { holdersCopiedFrom, initialMembers } from "@/lib/templates/initial-members";

describe("initialMembers", () => {
  it("makes the creator and the picked lead leads, and each holder an approver with every title given", () => {
    expect(initialMembers({ creatorId: "admin", leadId: "lee", holders: { "QA Lead": "quinn", "Tech Lead": "taylor", "DevOps Lead": "taylor" } })).toEqual([
      { userId: "admin", role: "LEAD", titles: [] },
      { userId: "lee", role: "LEAD", titles: [] },
      { userId: "quinn", role: "APPROVER", titles: ["QA Lead"] },
      { userId: "taylor", role: "APPROVER", titles: ["Tech Lead", "DevOps Lead"] },
    ]);
  });

  it("keeps a lead who also holds a title a lead, with the title", () => {
    expect(initialMembers({ creatorId: "lee", leadId: "lee", holders: { "Deploy Lead": "lee" } })).toEqual([{ userId: "lee", role: "LEAD", titles: ["Deploy Lead"] }]);
  });
});

describe("holdersCopiedFrom", () => {
  const earlier = [
    { userId: "gone", titles: ["QA Lead"] },
    { userId: "quinn", titles: ["QA Lead"] },
    { userId: "pat", titles: ["Product Manager"] },
  ];
  it("fills only the titles left open, with active members of the earlier plan", () => {
    expect(holdersCopiedFrom(["QA Lead", "Product Manager", "Tech Lead"], { "Product Manager": "sam" }, earlier, (id) => id !== "gone")).toEqual({
      "QA Lead": "quinn",
      "Product Manager": "sam",
    });
  });
});
