import { Body, Controller, Get, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentPrincipal, RequireRoles } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { ApiProblems, ApiSignedIn } from '../common/api-docs';
import { UuidParam } from '../common/params';
import { MeetingPacksService } from './meeting-packs.service';
import { JobDto, PackAcceptedDto, PackRequestDto } from './packs.dto';

@ApiTags('jobs')
@ApiSignedIn()
@Controller('api')
export class PacksController {
  constructor(@Inject(MeetingPacksService) private readonly packs: MeetingPacksService) {}

  @Post('meetings/:id/pack')
  @HttpCode(202)
  @RequireRoles('secretariat')
  @ApiOperation({
    summary:
      'Build the meeting pack (secretariat): every document in every working language, Word and PDF, in one ZIP; an unchanged meeting answers the pack already built',
  })
  @ApiAcceptedResponse({ type: PackAcceptedDto.Output, description: 'Location: the job' })
  @ApiProblems(400, 404, 422, 503)
  async pack(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam) id: string,
    @Body() body: PackRequestDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const accepted = await this.packs.request(principal, id, body);
    void reply.header('Location', `/api/jobs/${accepted.jobId}`);
    return accepted;
  }

  @Get('jobs/:jobId')
  @RequireRoles('secretariat', 'admin')
  @ApiOperation({ summary: 'A job: its status, progress (done/total), error or result' })
  @ApiOkResponse({ type: JobDto.Output })
  @ApiProblems(400, 404)
  job(@Param('jobId', UuidParam) jobId: string) {
    return this.packs.view(jobId);
  }

  @Get('jobs/:jobId/file')
  @RequireRoles('secretariat', 'admin')
  @ApiOperation({ summary: "A finished job's file: the meeting pack's ZIP" })
  @ApiProduces('application/zip')
  @ApiOkResponse({
    description: 'The archive',
    content: { 'application/zip': { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiProblems(400, 404, 409)
  async file(@Param('jobId', UuidParam) jobId: string, @Res() reply: FastifyReply) {
    const file = await this.packs.file(jobId);
    return reply
      .header('Content-Type', 'application/zip')
      .header('Content-Length', String(file.bytes))
      .header('Content-Disposition', `attachment; filename="${file.fileName}"`)
      .header('Cache-Control', 'private, no-cache')
      .send(file.stream);
  }

  @Post('jobs/:jobId/retry')
  @HttpCode(200)
  @RequireRoles('admin')
  @ApiOperation({ summary: 'Run a failed job again (admin)' })
  @ApiOkResponse({ type: JobDto.Output })
  @ApiProblems(400, 404, 409)
  retry(@Param('jobId', UuidParam) jobId: string) {
    return this.packs.retry(jobId);
  }
}
