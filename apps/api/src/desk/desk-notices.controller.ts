import {
  Body,
  Controller,
  Get,
  Inject,
  Post,
  Req,
  Res,
  UseFilters,
  UseGuards,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { NOTICE_KINDS } from '@chancery/domain';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { type AuthenticatedRequest, Public } from '../auth/auth.decorators';
import { EventHub } from '../live/event-hub';
import { lastEventId, openEventStream } from '../live/event-stream';
import { NoticesService } from '../notifications/notices.service';
import { DeskGuard } from './desk.guard';
import { DeskExceptionFilter } from './desk-exception.filter';
import { fields } from './desk-forms';
import { formatInstant } from './desk-labels';
import { DeskResponder } from './desk-responder';

/** What each kind of notice is called on the settings page. */
const KIND_LABELS: Record<(typeof NOTICE_KINDS)[number], string> = {
  'under-review': 'A draft is submitted for review',
  revision: 'A new revision is circulated during review',
  'silence-started': 'A silence procedure starts (with its deadline)',
  'silence-broken': 'A silence procedure is broken',
  consensus: 'Consensus is declared',
  adopted: 'A draft is adopted',
  amendment: "An amendment is proposed to your state's draft",
};

const SettingsForm = z.object({
  receive: z
    .union([z.enum(NOTICE_KINDS), z.array(z.enum(NOTICE_KINDS))])
    .optional()
    .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value])),
});

/** The official's inbox, what they are told of, and the live pages' event stream. */
@ApiExcludeController()
@Public()
@UseGuards(DeskGuard)
@UseFilters(DeskExceptionFilter)
@Controller('desk')
export class DeskNoticesController {
  constructor(
    @Inject(NoticesService) private readonly notices: NoticesService,
    @Inject(EventHub) private readonly hub: EventHub,
    @Inject(DeskResponder) private readonly responder: DeskResponder,
  ) {}

  /** The same events as GET /api/events, for the desk's pages (signed in by cookie). */
  @Get('events')
  async events(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply) {
    const query = request.query as Record<string, unknown>;
    await openEventStream(
      reply,
      this.hub,
      lastEventId(request.headers['last-event-id'], query.lastEventId),
    );
  }

  @Get('notices')
  async inbox(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply) {
    const notices = await this.notices.inbox(request.principal!.userId);
    this.responder.page(
      request,
      reply,
      'notices',
      {
        notices: notices.map((notice) => ({
          title: notice.title,
          href: notice.draftId ? `/desk/drafts/${notice.draftId}` : null,
          at: formatInstant(notice.createdAt),
          unread: notice.readAt === null,
        })),
        unread: notices.filter((notice) => notice.readAt === null).length,
      },
      { title: 'Notices', section: 'notices', notice: doneMessage(request) },
    );
  }

  @Post('notices/read')
  async markRead(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply) {
    await this.notices.markRead(request.principal!.userId, null);
    this.responder.seeOther(reply, '/desk/notices?done=read');
  }

  @Get('notices/settings')
  async settings(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply) {
    const { optOut } = await this.notices.settings(request.principal!.userId);
    this.responder.page(
      request,
      reply,
      'notice-settings',
      {
        kinds: NOTICE_KINDS.map((kind) => ({
          kind,
          label: KIND_LABELS[kind],
          checked: !optOut.includes(kind),
        })),
      },
      { title: 'What you are told of', section: 'notices', notice: doneMessage(request) },
    );
  }

  @Post('notices/settings')
  async saveSettings(
    @Req() request: AuthenticatedRequest,
    @Res() reply: FastifyReply,
    @Body() body: unknown,
  ) {
    const { receive } = SettingsForm.parse(fields(body));
    const optOut = NOTICE_KINDS.filter((kind) => !receive.includes(kind));
    await this.notices.saveSettings(request.principal!.userId, optOut);
    this.responder.seeOther(reply, '/desk/notices/settings?done=saved');
  }
}

/** Fixed words after a form succeeded: nothing from the address is reflected. */
function doneMessage(request: AuthenticatedRequest): string | null {
  const done = (request.query as Record<string, unknown>).done;
  if (done === 'read') return 'Every notice is marked read.';
  if (done === 'saved') return 'Your choices are saved.';
  return null;
}
