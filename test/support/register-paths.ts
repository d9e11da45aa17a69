// The global setup runs outside Jest's module registry, so `moduleNameMapper` does not apply:
// resolve the @chancery/* aliases the way tsconfig.json declares them. Imported first.
import { resolve } from 'node:path';
import { register } from 'tsconfig-paths';

register({
  baseUrl: resolve(__dirname, '../..'),
  paths: { '@chancery/*': ['libs/*/src/index.ts'] },
});
