/**
 * What scripts/with-test-database.ts hands to integration tests. Read here, once, so a test
 * run outside that wrapper fails with a message instead of touching some other database.
 */
export function integrationDatabase(): { url: string; serverUrl: string } {
  const url = process.env.DATABASE_URL;
  const serverUrl = process.env.TEST_DATABASE_SERVER_URL;
  if (!url || !serverUrl) {
    throw new Error("Integration tests run through `npm run test:integration`, which provides a throwaway database.");
  }
  return { url, serverUrl };
}

/**
 * Points this test process's own database access (db()) at another database, for a test that
 * runs a PostgreSQL of its own. Call it before anything in the process reads the settings.
 */
export function useDatabaseInThisProcess(url: string): void {
  process.env.DATABASE_URL = url;
}

/**
 * Lets this test process's own outgoing requests (step checks run in-process) reach `hosts`
 * through the outbound guard, as WEBHOOK_ALLOWED_HOSTS does for a server. Call it before
 * anything in the process reads the settings.
 */
export function allowOutboundHostsInThisProcess(hosts: string): void {
  process.env.WEBHOOK_ALLOWED_HOSTS = hosts;
}
