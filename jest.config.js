// @swc/jest instead of ts-jest: it transpiles Nest's decorators (with metadata) in a fraction of
// the time; type checking is `npm run lint`'s job (tsc --noEmit).
const swcOptions = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022',
    keepClassNames: true,
  },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
};

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/libs', '<rootDir>/apps', '<rootDir>/test'],
  testMatch: ['**/*.spec.ts'],
  transform: { '^.+\\.[tj]s$': ['@swc/jest', swcOptions] },
  // ES-module-only dependencies (loaded natively by Node at run time) are compiled to
  // CommonJS for Jest's module registry.
  // (htmlparser2 12 and the packages it imports are ES modules only.)
  // (@apidevtools/swagger-parser loads json-schema-ref-parser, ES modules only.)
  // (@fastify/cookie loads cookie 2, ES modules only, with import(): compiled, it is a require.)
  // (pg-boss 12 and serialize-error, non-error, rrule-temporal it imports are ES modules only.)
  transformIgnorePatterns: [
    '/node_modules/(?!(intl-messageformat|@formatjs|@apidevtools/json-schema-ref-parser|content-disposition|htmlparser2|entities|domhandler|domutils|dom-serializer|domelementtype|@fastify/cookie|cookie|pg-boss|serialize-error|non-error|rrule-temporal|temporal-spec)/)',
  ],
  moduleNameMapper: {
    '^@chancery/(domain|persistence|documents)$': '<rootDir>/libs/$1/src/index.ts',
  },
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  // Two cores: more workers only fight over them and the database.
  maxWorkers: 2,
  testTimeout: 30000,
};
