/** Demo accounts the e2e server loads (DEMO_DATA=true); the same list the README gives. */
export const DEMO_PASSWORD = "preflight-demo";
export const LEAD = { email: "lead@example.com", name: "Lee Deploy" };
export const VIEWER = { email: "viewer@example.com", name: "Vic Viewer" };
