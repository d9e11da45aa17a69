import type { MigrationInterface, QueryRunner } from 'typeorm';
import { dropJobQueueSchema, ensureJobQueueSchema } from '../libs/persistence/src/job-queue-schema';

/**
 * The job queue (pg-boss) in a schema of its own, installed by the owner: the serving role
 * cannot create schemas, so pg-boss starts without installing anything (see JobQueue). Its plans
 * carry their own transaction and advisory lock, hence `transaction = false`.
 */
export class JobQueue1765000014000 implements MigrationInterface {
  name = 'JobQueue1765000014000';
  transaction = false;

  async up(db: QueryRunner): Promise<void> {
    await ensureJobQueueSchema((sql) => db.query(sql));
  }

  async down(db: QueryRunner): Promise<void> {
    await dropJobQueueSchema((sql) => db.query(sql));
  }
}
