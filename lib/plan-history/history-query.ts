import { z } from "zod";

/** `?at=<ISO time>` of `GET /api/plans/:id/history`: compare against the plan as it stood then. */
export const historyQuerySchema = z.object({ at: z.iso.datetime({ offset: true, error: "Give the moment as an ISO 8601 date and time." }).optional() });
