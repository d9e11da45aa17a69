import {
  Body,
  Controller,
  Delete,
  Get,
  Headers,
  HttpCode,
  Inject,
  Param,
  Patch,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiHeader,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { RequireRoles } from '../auth/auth.decorators';
import { ApiProblems, ApiSignedIn } from '../common/api-docs';
import { UuidParam } from '../common/params';
import {
  AgendaItemDto,
  CreateAgendaItemDto,
  CreateMeetingDto,
  MeetingDto,
  MeetingQueryDto,
  MeetingWithAgendaDto,
  ReorderAgendaDto,
  UpdateAgendaItemDto,
  UpdateMeetingDto,
} from './meetings.dto';
import { MeetingsService } from './meetings.service';

const IF_MATCH_OPTIONAL = {
  name: 'If-Match',
  required: false,
  description: 'ETag of the meeting from your last read; a stale one answers 412',
};

@ApiTags('meetings')
@ApiSignedIn()
@Controller('api/meetings')
export class MeetingsController {
  constructor(@Inject(MeetingsService) private readonly meetings: MeetingsService) {}

  @Get()
  @ApiOperation({ summary: 'Meetings, newest first' })
  @ApiOkResponse({ type: [MeetingDto.Output] })
  @ApiProblems(400)
  list(@Query() query: MeetingQueryDto) {
    return this.meetings.list(query);
  }

  @Post()
  @RequireRoles('secretariat')
  @ApiOperation({ summary: 'Create a meeting of a body (secretariat)' })
  @ApiCreatedResponse({ type: MeetingWithAgendaDto.Output })
  @ApiProblems(400, 409, 413, 422)
  async create(@Body() body: CreateMeetingDto, @Res({ passthrough: true }) reply: FastifyReply) {
    const meeting = await this.meetings.create(body);
    void reply.header('ETag', meeting.etag).header('Location', `/api/meetings/${meeting.id}`);
    return meeting;
  }

  @Get(':id')
  @ApiOperation({ summary: 'A meeting with its ordered agenda' })
  @ApiOkResponse({ type: MeetingWithAgendaDto.Output })
  @ApiProblems(404)
  async get(@Param('id', UuidParam) id: string, @Res({ passthrough: true }) reply: FastifyReply) {
    const meeting = await this.meetings.get(id);
    void reply.header('ETag', meeting.etag);
    return meeting;
  }

  @Patch(':id')
  @RequireRoles('secretariat')
  @ApiOperation({ summary: 'Change a meeting (secretariat)' })
  @ApiHeader(IF_MATCH_OPTIONAL)
  @ApiOkResponse({ type: MeetingWithAgendaDto.Output })
  @ApiProblems(400, 404, 412, 413, 422)
  async update(
    @Param('id', UuidParam) id: string,
    @Body() body: UpdateMeetingDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const meeting = await this.meetings.update(id, body, ifMatch);
    void reply.header('ETag', meeting.etag);
    return meeting;
  }

  @Get(':id/agenda-items')
  @ApiOperation({ summary: 'The agenda of a meeting, in order' })
  @ApiOkResponse({ type: [AgendaItemDto.Output] })
  @ApiProblems(404)
  agenda(@Param('id', UuidParam) id: string) {
    return this.meetings.agenda(id);
  }

  @Post(':id/agenda-items')
  @RequireRoles('secretariat')
  @ApiOperation({ summary: 'Add an agenda item, at the end or at a given number (secretariat)' })
  @ApiCreatedResponse({ type: AgendaItemDto.Output })
  @ApiProblems(400, 404, 413, 422)
  addItem(@Param('id', UuidParam) id: string, @Body() body: CreateAgendaItemDto) {
    return this.meetings.addAgendaItem(id, body);
  }

  @Post(':id/agenda-items/reorder')
  @HttpCode(200)
  @RequireRoles('secretariat')
  @ApiOperation({ summary: 'Put the agenda in a new order; numbering follows (secretariat)' })
  @ApiHeader(IF_MATCH_OPTIONAL)
  @ApiOkResponse({ type: MeetingWithAgendaDto.Output })
  @ApiProblems(400, 404, 412, 422)
  async reorder(
    @Param('id', UuidParam) id: string,
    @Body() body: ReorderAgendaDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const meeting = await this.meetings.reorderAgenda(id, body, ifMatch);
    void reply.header('ETag', meeting.etag);
    return meeting;
  }

  @Patch(':id/agenda-items/:itemId')
  @RequireRoles('secretariat')
  @ApiOperation({ summary: 'Change an agenda item (secretariat)' })
  @ApiOkResponse({ type: AgendaItemDto.Output })
  @ApiProblems(400, 404, 413, 422)
  updateItem(
    @Param('id', UuidParam) id: string,
    @Param('itemId', UuidParam) itemId: string,
    @Body() body: UpdateAgendaItemDto,
  ) {
    return this.meetings.updateAgendaItem(id, itemId, body);
  }

  @Delete(':id/agenda-items/:itemId')
  @HttpCode(204)
  @RequireRoles('secretariat')
  @ApiOperation({ summary: 'Remove an agenda item; later items move up (secretariat)' })
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiProblems(404)
  async removeItem(@Param('id', UuidParam) id: string, @Param('itemId', UuidParam) itemId: string) {
    await this.meetings.removeAgendaItem(id, itemId);
  }
}
