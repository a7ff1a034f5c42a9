/** The demo accounts, listed in the README; all share one password. */
export const DEMO_PASSWORD = "preflight-demo";

export const DEMO_ACCOUNTS = [
  { email: "admin@example.com", name: "Avery Admin", title: "Administrator", role: "ADMIN" },
  { email: "lead@example.com", name: "Lee Deploy", title: "Deploy Lead", role: "MEMBER" },
  { email: "qa@example.com", name: "Quinn Tester", title: "QA Lead", role: "MEMBER" },
  { email: "tech@example.com", name: "Taylor Tech", title: "Tech Lead", role: "MEMBER" },
  { email: "devops@example.com", name: "Devin Ops", title: "DevOps Lead", role: "MEMBER" },
  { email: "pm@example.com", name: "Pat Product", title: "Product Manager", role: "MEMBER" },
  { email: "viewer@example.com", name: "Vic Viewer", title: "Stakeholder", role: "MEMBER" },
] as const;
