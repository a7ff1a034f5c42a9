import { z } from "zod";
import { MAX_CATCH_UP_EVENTS } from "@/lib/plan-state/read-plan-state";

/** `?cursor&limit` of `GET /api/plans/:id/events`: `cursor` is the sequence number to continue after (`after` is its older name). */
export const eventsQuerySchema = z.object({
  cursor: z.coerce.number().int().min(0).optional(),
  after: z.coerce.number().int().min(0).optional(),
  limit: z.coerce.number().int().min(1).max(MAX_CATCH_UP_EVENTS, `Ask for at most ${MAX_CATCH_UP_EVENTS} events at a time.`).default(100),
});
