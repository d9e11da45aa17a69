// Every migration, in order. Listed explicitly (not globbed) so the same list works from
// TypeScript sources in tests and from compiled JavaScript in production.
export const migrations: Function[] = [];
