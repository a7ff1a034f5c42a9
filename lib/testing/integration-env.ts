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
