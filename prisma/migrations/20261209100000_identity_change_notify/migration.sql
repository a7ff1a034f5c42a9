-- Every app process keeps a few seconds' memory of who a session or an API token is
-- (lib/auth/identity-cache-process.ts). These triggers tell all of them, at commit, when that
-- changes: a NOTIFY sent in the changing transaction itself, whoever makes the change (the app,
-- a script, an administrator in psql). Writes that change nothing the cache holds (a token's
-- last use, updatedAt) stay silent.

CREATE FUNCTION preflight_notify_identity_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    PERFORM pg_notify('preflight_identity', 'all');
  ELSIF TG_TABLE_NAME = 'User' THEN
    PERFORM pg_notify('preflight_identity', 'user:' || OLD."id");
  ELSE
    PERFORM pg_notify('preflight_identity', 'token:' || OLD."id");
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "User_identity_update" AFTER UPDATE ON "User" FOR EACH ROW
  WHEN (OLD."sessionVersion" IS DISTINCT FROM NEW."sessionVersion" OR OLD."active" IS DISTINCT FROM NEW."active"
     OR OLD."role" IS DISTINCT FROM NEW."role" OR OLD."name" IS DISTINCT FROM NEW."name"
     OR OLD."email" IS DISTINCT FROM NEW."email" OR OLD."title" IS DISTINCT FROM NEW."title" OR OLD."id" IS DISTINCT FROM NEW."id")
  EXECUTE FUNCTION preflight_notify_identity_change();
CREATE TRIGGER "User_identity_delete" AFTER DELETE ON "User" FOR EACH ROW EXECUTE FUNCTION preflight_notify_identity_change();
CREATE TRIGGER "User_identity_truncate" AFTER TRUNCATE ON "User" FOR EACH STATEMENT EXECUTE FUNCTION preflight_notify_identity_change();

CREATE TRIGGER "ApiToken_identity_update" AFTER UPDATE ON "ApiToken" FOR EACH ROW
  WHEN (OLD."revokedAt" IS DISTINCT FROM NEW."revokedAt" OR OLD."expiresAt" IS DISTINCT FROM NEW."expiresAt"
     OR OLD."scope" IS DISTINCT FROM NEW."scope" OR OLD."planIds" IS DISTINCT FROM NEW."planIds"
     OR OLD."admin" IS DISTINCT FROM NEW."admin" OR OLD."userId" IS DISTINCT FROM NEW."userId" OR OLD."tokenHash" IS DISTINCT FROM NEW."tokenHash")
  EXECUTE FUNCTION preflight_notify_identity_change();
CREATE TRIGGER "ApiToken_identity_delete" AFTER DELETE ON "ApiToken" FOR EACH ROW EXECUTE FUNCTION preflight_notify_identity_change();
CREATE TRIGGER "ApiToken_identity_truncate" AFTER TRUNCATE ON "ApiToken" FOR EACH STATEMENT EXECUTE FUNCTION preflight_notify_identity_change();
