import {
  Body,
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
import { UuidParam } from '../common/params';
import { toProblem } from '../common/problem-details.filter';
import { MeetingsService } from '../meetings/meetings.service';
import { DeskGuard } from './desk.guard';
import { DeskExceptionFilter } from './desk-exception.filter';
import { AgendaItemForm, ReorderForm, confirmed, fields } from './desk-forms';
import { DeskMeetingService } from './desk-meeting.service';
import { DeskPacksService } from './desk-packs.service';
import { i18n } from './desk-locale';
import { DeskResponder } from './desk-responder';
import { type ProblemView, problemView } from './problem-view';

const DONE = ['added', 'updated', 'removed', 'reordered'] as const;

const doneKey = (done: unknown) =>
  (DONE as readonly unknown[]).includes(done)
    ? (`meeting.done.${done as (typeof DONE)[number]}` as const)
    : null;

/** Meetings and their agendas; the secretariat edits and reorders the agenda here. */
@ApiExcludeController()
@Public()
@UseGuards(DeskGuard)
@UseFilters(DeskExceptionFilter)
@Controller('desk/meetings')
export class DeskMeetingsController {
  constructor(
    @Inject(DeskMeetingService) private readonly pages: DeskMeetingService,
    @Inject(MeetingsService) private readonly meetings: MeetingsService,
    @Inject(DeskResponder) private readonly responder: DeskResponder,
    @Inject(DeskPacksService) private readonly packs: DeskPacksService,
  ) {}

  @Get()
  async list(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply) {
    const t = i18n(request);
    this.responder.page(request, reply, 'meetings', await this.pages.list(t), {
      title: t.t('meetings.heading'),
      section: 'meetings',
    });
  }

  @Get(':id')
  async meeting(
    @Req() request: AuthenticatedRequest,
    @Res() reply: FastifyReply,
    @Param('id', UuidParam) id: string,
    @Query('done') done?: unknown,
    @Query('pack') pack?: unknown,
  ) {
    const key = doneKey(done);
    const t = i18n(request);
    const packNotice =
      pack === 'started' ? t.t('pack.started') : pack === 'cached' ? t.t('pack.cached') : null;
    await this.show(request, reply, id, { notice: key ? t.t(key) : packNotice });
  }

  @Post(':id/agenda')
  @RequireRoles('secretariat')
  async addItem(
    @Req() request: AuthenticatedRequest,
    @Res() reply: FastifyReply,
    @Param('id', UuidParam) id: string,
    @Body() body: unknown,
  ) {
    await this.act(request, reply, id, 'added', async () => {
      const form = AgendaItemForm.parse(fields(body));
      await this.meetings.addAgendaItem(id, {
        title: form.title,
        annotation: form.annotation ?? null,
      });
    });
  }

  @Post(':id/agenda/reorder')
  @RequireRoles('secretariat')
  async reorder(
    @Req() request: AuthenticatedRequest,
    @Res() reply: FastifyReply,
    @Param('id', UuidParam) id: string,
    @Body() body: unknown,
  ) {
    await this.act(request, reply, id, 'reordered', async () => {
      const form = ReorderForm.parse(fields(body));
      await this.meetings.reorderAgenda(id, { itemIds: form.itemId }, form.etag);
    });
  }

  @Post(':id/agenda/:itemId')
  @RequireRoles('secretariat')
  async updateItem(
    @Req() request: AuthenticatedRequest,
    @Res() reply: FastifyReply,
    @Param('id', UuidParam) id: string,
    @Param('itemId', UuidParam) itemId: string,
    @Body() body: unknown,
  ) {
    await this.act(request, reply, id, 'updated', async () => {
      const form = AgendaItemForm.parse(fields(body));
      await this.meetings.updateAgendaItem(id, itemId, {
        title: form.title,
        annotation: form.annotation ?? null,
      });
    });
  }

  @Post(':id/agenda/:itemId/remove')
  @RequireRoles('secretariat')
  async removeItem(
    @Req() request: AuthenticatedRequest,
    @Res() reply: FastifyReply,
    @Param('id', UuidParam) id: string,
    @Param('itemId', UuidParam) itemId: string,
    @Body() body: unknown,
  ) {
    if (!confirmed(body)) {
      const t = i18n(request);
      const page = await this.pages.page(request.principal!, id, t);
      const item = page.agenda.find((i) => i.id === itemId);
      return this.responder.page(
        request,
        reply,
        'confirm',
        {
          message: item
            ? t.t('meeting.removeConfirm', {
                number: item.number,
                title: item.title,
                meeting: page.meeting.label,
              })
            : t.t('meeting.removeConfirmUnknown', { meeting: page.meeting.label }),
          action: request.url,
          fields: [],
          cancelHref: `/desk/meetings/${id}`,
        },
        { title: t.t('confirm.pageTitle'), section: 'meetings' },
      );
    }
    await this.act(request, reply, id, 'removed', () => this.meetings.removeAgendaItem(id, itemId));
  }

  private async act(
    request: AuthenticatedRequest,
    reply: FastifyReply,
    id: string,
    done: string,
    work: () => Promise<unknown>,
  ) {
    try {
      await work();
    } catch (error) {
      const problem = toProblem(error);
      if (problem.status === 404 || problem.status === 401 || problem.status >= 500) throw error;
      problem.instance = request.url;
      problem.correlationId = String(request.id);
      return this.show(request, reply, id, {
        problem: problemView(problem, i18n(request), 'meeting'),
      });
    }
    this.responder.seeOther(reply, `/desk/meetings/${id}?done=${done}#agenda`);
  }

  private async show(
    request: AuthenticatedRequest,
    reply: FastifyReply,
    id: string,
    options: { notice?: string | null; problem?: ProblemView },
  ) {
    const view = {
      ...(await this.pages.page(request.principal!, id, i18n(request))),
      pack: await this.packs.panel(request.principal!, id),
    };
    this.responder.page(request, reply, 'meeting', view, {
      title: `${view.meeting.label}: ${view.meeting.title}`,
      section: 'meetings',
      notice: options.notice ?? null,
      problem: options.problem ?? null,
      status: options.problem?.status ?? 200,
    });
  }
}
