import { test as base, expect, type APIRequestContext, type BrowserContext, type Page } from "@playwright/test";
import { LEAD } from "./accounts";
import { storageStatePath } from "./api-sign-in";
import { startAppServer, type AppServer } from "./app-server";
import { closeTestDatabase, createTestPlanFromTemplate, importTestPlan, type TemplateFields, type TestPlan } from "./test-plans";

export { expect } from "@playwright/test";
export type { TestPlan } from "./test-plans";

/** A demo account's signed-in HTTP client (its stored session), for setting a test's scene. */
export interface ApiClient {
  request: APIRequestContext;
  /** POSTs a plan change (lib/plan-state/change-schema.ts) and expects it recorded (201). */
  change(plan: TestPlan, change: Record<string, unknown>): Promise<void>;
}

export interface PlanMember {
  email: string;
  role: "LEAD" | "EXECUTOR" | "APPROVER" | "VIEWER";
  titles?: string[];
}

export interface NewPlan {
  /** A Markdown document to import, or a template to fill (one of the two). */
  markdown?: string;
  template?: TemplateFields;
  /** Who creates and so leads it; the demo deploy lead unless said otherwise. */
  lead?: string;
  /** People added by the lead over the changes API, as its People page does. */
  members?: PlanMember[];
}

interface Fixtures {
  /** A new browser page signed in as a demo account (stored state from auth.setup.ts), optionally on another server. */
  asUser(email: string, options?: { baseURL?: string }): Promise<Page>;
  apiAs(email: string): Promise<ApiClient>;
  /** A plan of this test's own, so no test depends on another's order or leftovers. */
  createPlan(input: NewPlan): Promise<TestPlan>;
  /** Starts an extra app server (same build and database); every one started is stopped when the test ends, even on a timeout. */
  startServer(port: number): Promise<AppServer>;
}

// Playwright calls the second argument `use`; it is named `provide` here because the React
// hooks lint rule takes any call of `use` for a hook.
export const test = base.extend<Fixtures, { testDatabase: void }>({
  asUser: async ({ browser, baseURL }, provide) => {
    const contexts: BrowserContext[] = [];
    await provide(async (email, options = {}) => {
      const context = await browser.newContext({ storageState: storageStatePath(email), baseURL: options.baseURL ?? baseURL });
      contexts.push(context);
      return context.newPage();
    });
    await Promise.all(contexts.map((context) => context.close()));
  },

  apiAs: async ({ playwright, baseURL }, provide) => {
    const clients = new Map<string, ApiClient>();
    await provide(async (email) => {
      const known = clients.get(email);
      if (known) return known;
      const request = await playwright.request.newContext({ baseURL, storageState: storageStatePath(email) });
      const client: ApiClient = {
        request,
        async change(plan, change) {
          const answer = await request.post(`/api/plans/${plan.id}/changes`, { data: change });
          expect(answer.status(), `${email}: ${JSON.stringify(change)} → ${await answer.text()}`).toBe(201);
        },
      };
      clients.set(email, client);
      return client;
    });
    await Promise.all([...clients.values()].map((client) => client.request.dispose()));
  },

  createPlan: async ({ apiAs }, provide) => {
    await provide(async ({ markdown, template, lead = LEAD.email, members = [] }) => {
      if ((markdown === undefined) === (template === undefined)) throw new Error("createPlan needs a markdown document or a template");
      const plan = markdown !== undefined ? await importTestPlan(markdown, lead, members.map((member) => member.email)) : await createTestPlanFromTemplate(template!, lead);
      const leadClient = await apiAs(lead);
      for (const member of members) {
        await leadClient.change(plan, { type: "member.set", email: member.email, role: member.role, titles: member.titles ?? [] });
      }
      return plan;
    });
  },

  startServer: async ({}, provide) => {
    const started: AppServer[] = [];
    await provide(async (port) => {
      const server = await startAppServer(port);
      started.push(server);
      return server;
    });
    await Promise.all(started.map((server) => server.stop()));
  },

  testDatabase: [
    async ({}, provide) => {
      await provide();
      await closeTestDatabase();
    },
    { scope: "worker", auto: true },
  ],
});
