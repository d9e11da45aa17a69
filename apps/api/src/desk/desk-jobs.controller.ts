import {
  Controller,
  Get,
  Inject,
  Param,
  Post,
  Query,
  Req,
  Res,
  UseFilters,
  UseGuards,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { type AuthenticatedRequest, Public, RequireRoles } from '../auth/auth.decorators';
import { notFound } from '../common/app-error';
import { UuidParam } from '../common/params';
import { MeetingPacksService } from '../packs/meeting-packs.service';
import { DeskExceptionFilter } from './desk-exception.filter';
import { i18n } from './desk-locale';
import { DeskPacksService } from './desk-packs.service';
import { DeskResponder } from './desk-responder';
import { DeskGuard } from './desk.guard';

/**
 * The meeting pack from the desk (build it, follow it, download it) and the admin's jobs
 * page (state, attempts, errors; retry a failed one). Forms carry the CSRF token as the
 * other desk forms do (checked for every desk POST).
 */
@ApiExcludeController()
@Public()
@UseGuards(DeskGuard)
@UseFilters(DeskExceptionFilter)
@Controller('desk')
export class DeskJobsController {
  constructor(
    @Inject(MeetingPacksService) private readonly packs: MeetingPacksService,
    @Inject(DeskPacksService) private readonly pages: DeskPacksService,
    @Inject(DeskResponder) private readonly responder: DeskResponder,
  ) {}

  @Post('meetings/:id/pack')
  @RequireRoles('secretariat')
  async build(
    @Req() request: AuthenticatedRequest,
    @Res() reply: FastifyReply,
    @Param('id', UuidParam) id: string,
  ) {
    const accepted = await this.packs.request(request.principal!, id, {});
    this.responder.seeOther(
      reply,
      `/desk/meetings/${id}?pack=${accepted.cached ? 'cached' : 'started'}#pack`,
    );
  }

  /** The page's script polls this while the pack builds (and after a reload). */
  @Get('meetings/:id/pack/status')
  @RequireRoles('secretariat', 'admin')
  async status(@Param('id', UuidParam) id: string, @Res() reply: FastifyReply) {
    const status = await this.pages.status(id);
    void reply.header('cache-control', 'no-store').send(status ?? { status: 'none' });
  }

  @Get('meetings/:id/pack/file')
  @RequireRoles('secretariat', 'admin')
  async file(
    @Param('id', UuidParam) id: string,
    @Query('job') job: unknown,
    @Res() reply: FastifyReply,
  ) {
    const latest = await this.pages.status(id);
    const jobId = typeof job === 'string' ? job : latest?.id;
    if (!jobId) throw notFound('Meeting pack of meeting', id, 'id');
    const pack = await this.packs.file(jobId);
    return reply
      .header('Content-Type', 'application/zip')
      .header('Content-Length', String(pack.bytes))
      .header('Content-Disposition', `attachment; filename="${pack.fileName}"`)
      .header('Cache-Control', 'private, no-cache')
      .send(pack.stream);
  }

  @Get('jobs')
  @RequireRoles('admin')
  async jobs(
    @Req() request: AuthenticatedRequest,
    @Res() reply: FastifyReply,
    @Query('done') done?: unknown,
  ) {
    const t = i18n(request);
    this.responder.page(request, reply, 'jobs', await this.pages.jobs(t), {
      title: t.t('jobs.title'),
      section: 'none',
      notice: done === 'retried' ? t.t('jobs.retried') : null,
    });
  }

  @Post('jobs/:jobId/retry')
  @RequireRoles('admin')
  async retry(@Res() reply: FastifyReply, @Param('jobId', UuidParam) jobId: string) {
    await this.packs.retry(jobId);
    this.responder.seeOther(reply, '/desk/jobs?done=retried');
  }
}
