/** Environment variables through which the global setup hands the test database to each worker. */
export const TEST_ENV = {
  serverUrl: 'CHANCERY_TEST_SERVER_URL',
  runId: 'CHANCERY_TEST_RUN_ID',
  engine: 'CHANCERY_TEST_ENGINE',
} as const;

export function testDatabasePrefix(runId: string): string {
  return `chancery_test_${runId}_`;
}

/** The same server, another database. */
export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}
