import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { connectionUrl } from '@chancery/persistence';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/config';

/**
 * The database connection /health asks through: one of its own, outside the serving pool.
 * Through the pool a probe queued behind every busy request (under 50 concurrent downloads it
 * waited for 35-39 others and took 60-130 ms), so it measured the load, not whether the
 * database answers; and a liveness probe that times out under load gets a busy replica
 * restarted. Requests that cannot get a pooled connection answer 503 DATABASE_UNAVAILABLE
 * themselves.
 */
@Injectable()
export class HealthDatabase implements OnApplicationShutdown {
  private readonly pool: Pool;

  constructor(@Inject(DataSource) dataSource: DataSource, @Inject(APP_CONFIG) config: AppConfig) {
    this.pool = new Pool({
      connectionString: connectionUrl(dataSource),
      max: 1,
      // Kept open between probes: a new connection costs more than the probe itself.
      idleTimeoutMillis: 0,
      connectionTimeoutMillis: config.HEALTH_TIMEOUT_MS,
      // A probe that hangs fails, and its connection is dropped: the next probe dials anew.
      query_timeout: config.HEALTH_TIMEOUT_MS,
      keepAlive: true,
      allowExitOnIdle: true,
      application_name: 'chancery health',
    });
    // A dropped idle connection is replaced on the next probe, which reports any failure.
    this.pool.on('error', () => undefined);
  }

  async ping(): Promise<void> {
    await this.pool.query('SELECT 1');
  }

  async onApplicationShutdown(): Promise<void> {
    await this.pool.end();
  }
}
