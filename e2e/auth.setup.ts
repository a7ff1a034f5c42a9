import { expect, test as setup } from "@playwright/test";
import { SIGNED_IN_ACCOUNTS } from "./support/accounts";
import { signInThroughApi, storageStatePath } from "./support/api-sign-in";

/**
 * Runs before every spec (the "setup" project): signs each demo account in once, through
 * Auth.js's HTTP endpoints, and stores its session for specs to reuse. One sign-in per
 * account per run keeps the suite far from the sign-in limits, whatever they count.
 */
for (const account of SIGNED_IN_ACCOUNTS) {
  setup(`sign in ${account.email}`, async ({ playwright, baseURL }) => {
    const request = await playwright.request.newContext({ baseURL });
    try {
      expect(await signInThroughApi(request, account.email)).toEqual({ signedIn: true });
      // The stored session really is one: the API knows who it belongs to.
      const plans = await request.get("/api/plans");
      expect(plans.status()).toBe(200);
      await request.storageState({ path: storageStatePath(account.email) });
    } finally {
      await request.dispose();
    }
  });
}
