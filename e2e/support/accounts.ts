/** Demo accounts the e2e server loads (DEMO_DATA=true); the same list the README gives. */
export const DEMO_PASSWORD = "preflight-demo";
export const LEAD = { email: "lead@example.com", name: "Lee Deploy" };
export const VIEWER = { email: "viewer@example.com", name: "Vic Viewer" };
export const QA_LEAD = { email: "qa@example.com", name: "Quinn Tester" };
export const TECH_LEAD = { email: "tech@example.com", name: "Taylor Tech" };
export const ADMIN = { email: "admin@example.com", name: "Avery Admin" };
