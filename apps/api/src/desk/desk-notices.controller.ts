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
import { i18n } from './desk-locale';
import type { Translator } from './i18n/desk-i18n';
import { DeskResponder } from './desk-responder';

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
    const t = i18n(request);
    const notices = await this.notices.inbox(request.principal!.userId, t.language);
    this.responder.page(
      request,
      reply,
      'notices',
      {
        notices: notices.map((notice) => ({
          title: notice.title,
          href: notice.draftId ? `/desk/drafts/${notice.draftId}` : null,
          at: formatInstant(notice.createdAt, t),
          unread: notice.readAt === null,
        })),
        unread: notices.filter((notice) => notice.readAt === null).length,
      },
      { title: t.t('notices.pageTitle'), section: 'notices', notice: doneMessage(request, t) },
    );
  }

  @Post('notices/read')
  async markRead(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply) {
    await this.notices.markRead(request.principal!.userId, null);
    this.responder.seeOther(reply, '/desk/notices?done=read');
  }

  @Get('notices/settings')
  async settings(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply) {
    const t = i18n(request);
    const { optOut } = await this.notices.settings(request.principal!.userId);
    this.responder.page(
      request,
      reply,
      'notice-settings',
      {
        kinds: NOTICE_KINDS.map((kind) => ({
          kind,
          label: t.t(`noticeKind.${kind}`),
          checked: !optOut.includes(kind),
        })),
      },
      {
        title: t.t('noticeSettings.pageTitle'),
        section: 'notices',
        notice: doneMessage(request, t),
      },
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
function doneMessage(request: AuthenticatedRequest, t: Translator): string | null {
  const done = (request.query as Record<string, unknown>).done;
  if (done === 'read') return t.t('notices.allRead');
  if (done === 'saved') return t.t('notices.saved');
  return null;
}
