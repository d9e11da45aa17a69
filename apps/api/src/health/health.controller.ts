import { Controller, Get, Inject, Res } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../auth/auth.decorators';
import { DatabaseOutageLog } from '../common/database-errors';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { DATABASE_ENGINE } from '../database/database.providers';
import { HealthDatabase } from './health-database';

class HealthTimeout extends Error {}

/** Settles with the probe, or rejects after `ms` if it has not (the probe keeps running). */
function within<T>(probe: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new HealthTimeout()), ms);
  });
  return Promise.race([probe, timeout]).finally(() => clearTimeout(timer));
}

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @Inject(HealthDatabase) private readonly database: HealthDatabase,
    @Inject(DATABASE_ENGINE) private readonly engine: string,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DatabaseOutageLog) private readonly outage: DatabaseOutageLog,
  ) {}

  @Public()
  @Get()
  @ApiOperation({
    summary: 'Liveness and a real database round trip',
    description:
      'The round trip goes over a connection of its own, not queued behind the requests in the serving pool.',
  })
  @ApiOkResponse({ description: '{ status: "ok", database: { status: "up", engine, latencyMs } }' })
  @ApiServiceUnavailableResponse({
    description: 'The database does not answer within HEALTH_TIMEOUT_MS (a hung database included)',
  })
  async check(@Res({ passthrough: true }) reply: FastifyReply) {
    const started = performance.now();
    const probe = this.database.ping();
    // A probe that outlives the timeout must not become an unhandled rejection later.
    probe.catch(() => undefined);
    try {
      await within(probe, this.config.HEALTH_TIMEOUT_MS);
      this.outage.recovered();
      return {
        status: 'ok',
        database: {
          status: 'up',
          engine: this.engine,
          latencyMs: Math.round((performance.now() - started) * 10) / 10,
        },
      };
    } catch (error) {
      void reply.status(503);
      const timedOut = error instanceof HealthTimeout;
      return {
        status: 'error',
        database: { status: timedOut ? 'not-answering' : 'down', engine: this.engine },
      };
    }
  }
}
