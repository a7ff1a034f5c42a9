-- The item hot path in one round trip (lib/plan-state/tick-statement.ts), and the SQL it
-- shares with the other write paths, defined once here so both use the same rules.

-- The steps an item waits for: named items, and every item under a named section (its
-- subsections too). Used by the locking read of lib/plan-state/item-change-store.ts and by
-- preflight_tick below.
CREATE FUNCTION preflight_item_predecessors(p_item_id text)
RETURNS TABLE (id text, text text, status "ItemStatus", "position" integer)
LANGUAGE sql STABLE AS $$
  WITH RECURSIVE deps AS (
         SELECT d."dependsOnItemId", d."dependsOnSectionId" FROM "PlanItemDependency" d WHERE d."itemId" = p_item_id
       ), sections(id) AS (
         SELECT "dependsOnSectionId" FROM deps WHERE "dependsOnSectionId" IS NOT NULL
          UNION SELECT s.id FROM "PlanSection" s JOIN sections ON s."parentId" = sections.id
       ), predecessors AS (
         SELECT b.id, b.text, b.status, b.position FROM "PlanItem" b WHERE b.id IN (SELECT "dependsOnItemId" FROM deps)
          UNION SELECT b.id, b.text, b.status, b.position FROM "PlanItem" b JOIN sections ON b."sectionId" = sections.id
       )
  SELECT predecessors.id, predecessors.text, predecessors.status, predecessors.position FROM predecessors WHERE predecessors.id <> p_item_id
$$;

-- The webhook outbox write (lib/webhooks/enqueue-deliveries.ts): one delivery row per active
-- subscription that wants the event, and a NOTIFY (delivered at commit) when any was queued.
CREATE FUNCTION preflight_enqueue_deliveries(p_event_id text, p_plan_id text, p_type text, p_channel text)
RETURNS void LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  INSERT INTO "WebhookDelivery" (id, "subscriptionId", "eventId")
  SELECT gen_random_uuid()::text, s.id, p_event_id
    FROM "WebhookSubscription" s
   WHERE (s."planId" = p_plan_id OR s."planId" IS NULL) AND s.active
     AND (s.events @> ARRAY[p_type]::text[] OR s.events @> ARRAY['*']::text[])
   ORDER BY s."createdAt", s.id;
  IF FOUND THEN PERFORM pg_notify(p_channel, ''); END IF;
END
$$;

-- The notification outbox write (lib/notifications/enqueue-notification-job.ts): one job per
-- event, and a NOTIFY (delivered at commit) when it was queued.
CREATE FUNCTION preflight_enqueue_notification_job(p_event_id text, p_channel text)
RETURNS void LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  INSERT INTO "NotificationJob" (id, "eventId") VALUES (gen_random_uuid()::text, p_event_id) ON CONFLICT ("eventId") DO NOTHING;
  IF FOUND THEN PERFORM pg_notify(p_channel, ''); END IF;
END
$$;

-- A person's tick, whole: lock the plan, read what the rules need, and when no rule can
-- object write the item, the plan's next sequence number, the event and both outbox rows.
-- Otherwise it writes nothing and says so (written = false), and the caller takes the path
-- that evaluates every rule (lib/plan-state/item-change-store.ts).
--
-- The lock is taken by a statement of its own, and every read after it is a statement of its
-- own too: in a VOLATILE function each one takes a fresh snapshot, so it sees what a writer
-- that held the lock before us committed. (A single statement joining the plan's locked row
-- to other tables would read those with the snapshot from before it waited for the lock.)
--
-- The rules' data come from the caller (roles that may tick, finished plan statuses, settled
-- item statuses), so the TypeScript rule modules stay their one source. What is checked
-- here is only that none of the rules that read more could refuse: an item with a metric,
-- a downtime flag, open predecessors (all only for Done) or signatures covering it is left to
-- the full path.
CREATE FUNCTION preflight_tick(
  p_plan_id text, p_item_id text, p_actor_id text, p_expected_version integer,
  p_status text, p_note text, p_measured_value double precision, p_status_by_id text, p_status_at timestamp(3),
  p_event_id text, p_payload jsonb, p_at timestamp(3),
  p_tick_roles text[], p_finished_plan_statuses text[], p_settled_item_statuses text[],
  p_delivery_channel text, p_notification_channel text)
RETURNS TABLE (written boolean, event_seq integer, before_status text, before_note text, before_value double precision,
               share_shows_discussion boolean, hide_commands_in_share boolean)
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  v_plan_status text;
  v_role text;
  v_shows_discussion boolean;
  v_hides_commands boolean;
  v_item "PlanItem"%ROWTYPE;
  v_value double precision;
  v_seq integer;
BEGIN
  PERFORM 1 FROM "Plan" WHERE id = p_plan_id FOR UPDATE;
  IF NOT FOUND THEN
    RETURN QUERY SELECT false, NULL::integer, NULL::text, NULL::text, NULL::double precision, NULL::boolean, NULL::boolean;
    RETURN;
  END IF;
  SELECT p.status::text, m.role::text, p."shareShowsDiscussion", p."hideCommandsInShare"
    INTO v_plan_status, v_role, v_shows_discussion, v_hides_commands
    FROM "Plan" p LEFT JOIN "PlanMember" m ON m."planId" = p.id AND m."userId" = p_actor_id
   WHERE p.id = p_plan_id;
  SELECT * INTO v_item FROM "PlanItem" WHERE id = p_item_id AND "planId" = p_plan_id;
  IF v_role IS NULL OR NOT (v_role = ANY (p_tick_roles)) OR v_plan_status = ANY (p_finished_plan_statuses)
     OR v_item.id IS NULL OR v_item.version <> p_expected_version
     OR (p_status = 'DONE' AND (v_item.metric IS NOT NULL OR v_item."downtimeMarker" IS NOT NULL
           OR EXISTS (SELECT 1 FROM preflight_item_predecessors(p_item_id) b WHERE NOT (b.status::text = ANY (p_settled_item_statuses)))))
     OR EXISTS (SELECT 1 FROM "GateSignature" s
                 WHERE s."planId" = p_plan_id AND s."staleAt" IS NULL AND s."supersededAt" IS NULL AND s."coveredItems" ? p_item_id) THEN
    RETURN QUERY SELECT false, NULL::integer, NULL::text, NULL::text, NULL::double precision, NULL::boolean, NULL::boolean;
    RETURN;
  END IF;

  v_value := COALESCE(p_measured_value, v_item."measuredValue");
  UPDATE "PlanItem"
     SET status = p_status::"ItemStatus", "statusNote" = p_note, "measuredValue" = v_value, "statusById" = p_status_by_id,
         "statusByName" = NULL, "statusAt" = p_status_at, version = version + 1
   WHERE id = p_item_id AND version = p_expected_version;
  UPDATE "Plan" SET "lastSeq" = "lastSeq" + 1, "updatedAt" = now() WHERE id = p_plan_id RETURNING "lastSeq" INTO v_seq;
  INSERT INTO "PlanEvent" (id, "planId", seq, type, "actorId", payload, "createdAt")
  VALUES (p_event_id, p_plan_id, v_seq, p_payload #>> '{event,type}', p_actor_id,
          jsonb_set(jsonb_set(p_payload, '{event,previousStatus}', to_jsonb(v_item.status::text)),
                    '{event,item,measuredValue}', COALESCE(to_jsonb(v_value), 'null'::jsonb)),
          p_at);
  PERFORM preflight_enqueue_deliveries(p_event_id, p_plan_id, p_payload #>> '{event,type}', p_delivery_channel);
  PERFORM preflight_enqueue_notification_job(p_event_id, p_notification_channel);
  RETURN QUERY SELECT true, v_seq, v_item.status::text, v_item."statusNote", v_item."measuredValue", v_shows_discussion, v_hides_commands;
END
$$;
