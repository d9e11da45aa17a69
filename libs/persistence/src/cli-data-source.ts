import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from './data-source-options';

// For the TypeORM CLI (`npm run migration:run|revert|generate`): it needs a server, so it
// reads DATABASE_URL; the service itself can also start an embedded one.
const url = process.env.DATABASE_URL;
if (!url) {
  throw new Error(
    'DATABASE_URL must be set for the migration commands (e.g. postgres://postgres@127.0.0.1:5432/chancery)',
  );
}

export default new DataSource(buildDataSourceOptions({ url }));
