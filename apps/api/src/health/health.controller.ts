import { Controller, Get, Inject, Res } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ReferenceRepository } from '@chancery/persistence';
import { DataSource } from 'typeorm';
import { Public } from '../auth/auth.decorators';
import { DATABASE_ENGINE } from '../database/database.providers';

@ApiTags('health')
@Controller('health')
export class HealthController {
  private readonly reference = new ReferenceRepository();

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(DATABASE_ENGINE) private readonly engine: string,
  ) {}

  @Public()
  @Get()
  @ApiOperation({ summary: 'Liveness and a real database round trip' })
  @ApiOkResponse({ description: '{ status: "ok", database: { status: "up", engine, latencyMs } }' })
  @ApiServiceUnavailableResponse({ description: 'The database does not answer' })
  async check(@Res({ passthrough: true }) reply: FastifyReply) {
    const started = performance.now();
    try {
      await this.reference.ping(this.dataSource.manager);
      return {
        status: 'ok',
        database: {
          status: 'up',
          engine: this.engine,
          latencyMs: Math.round((performance.now() - started) * 10) / 10,
        },
      };
    } catch {
      void reply.status(503);
      return { status: 'error', database: { status: 'down', engine: this.engine } };
    }
  }
}
