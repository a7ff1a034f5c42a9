import { z } from "zod";

/** The bodies of the status-update subscription routes (also in the OpenAPI document). */
export const subscribeRequestSchema = z.object({ email: z.email({ error: "Enter an email address, like name@example.com." }).max(254) });
export const subscriberTokenRequestSchema = z.object({ token: z.string().max(200) });
export const memberSubscriptionSchema = z.object({ subscribed: z.boolean() });
