/** Demo accounts the e2e server loads (DEMO_DATA=true); the same list the README gives. */
export const DEMO_PASSWORD = "preflight-demo";
export const LEAD = { email: "lead@example.com", name: "Lee Deploy" };
export const VIEWER = { email: "viewer@example.com", name: "Vic Viewer" };
export const QA_LEAD = { email: "qa@example.com", name: "Quinn Tester" };
export const TECH_LEAD = { email: "tech@example.com", name: "Taylor Tech" };
export const DEVOPS_LEAD = { email: "devops@example.com", name: "Devin Ops" };
export const PRODUCT_MANAGER = { email: "pm@example.com", name: "Pat Product" };
export const ADMIN = { email: "admin@example.com", name: "Avery Admin" };

/** The accounts e2e/auth.setup.ts signs in once per run, for specs to use through their stored state. */
export const SIGNED_IN_ACCOUNTS = [LEAD, VIEWER, QA_LEAD, TECH_LEAD, DEVOPS_LEAD, PRODUCT_MANAGER, ADMIN] as const;
