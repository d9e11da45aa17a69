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
import { notFound } from '../common/app-error';
import { UuidParam } from '../common/params';
import { DraftQueriesService } from '../drafts/draft-queries.service';
import { StartSilenceProcedureService } from '../drafts/use-cases/start-silence-procedure.service';
import { TransitionDraftService } from '../drafts/use-cases/transition-draft.service';
import { DeskGuard } from './desk.guard';
import { askConfirmation } from './desk-confirmation';
import { DeskDraftService } from './desk-draft.service';
import { DeskExceptionFilter } from './desk-exception.filter';
import { actionLabel, formatInstant } from './desk-labels';
import { i18n } from './desk-locale';
import type { MessageKey } from './i18n/desk-i18n';
import { SilenceForm, TransitionForm, confirmed, parseForm } from './desk-forms';
import { DeskResponder } from './desk-responder';
import { type ProblemView, formRefusal } from './problem-view';

const REVISION_NUMBER = /^[1-9]\d{0,5}$/;

/** What the draft page says after a form succeeded (?done=…): fixed words, nothing reflected. */
const DONE = new Set([
  'submit',
  'declare-consensus',
  'adopt',
  'reopen',
  'withdraw',
  'position',
  'silence',
  'revision',
  'amendment',
  'amendment-withdrawn',
  'amendments-imported',
  'disposition',
  'translation',
]);

const doneKey = (done: unknown): MessageKey | null =>
  typeof done === 'string' && DONE.has(done) ? (`done.${done}` as MessageKey) : null;

function revisionNumber(value: unknown, field: string): number {
  if (typeof value !== 'string' || !REVISION_NUMBER.test(value))
    throw notFound('Revision', typeof value === 'string' ? value : '', field);
  return Number(value);
}

/**
 * The draft page, the comparison of two revisions, and the actions posted from the draft page
 * (transitions, silence). Each post is parsed, confirmed, handed to its use case (which decides
 * again, under the draft's lock and its ETag) and answered with a redirect; a refusal shows the
 * page again with the problem, with its status. The position and revision forms, which have
 * pages of their own, are DeskDraftFormsController's.
 */
@ApiExcludeController()
@Public()
@UseGuards(DeskGuard)
@UseFilters(DeskExceptionFilter)
@Controller('desk/drafts')
export class DeskDraftsController {
  constructor(
    @Inject(DeskDraftService) private readonly pages: DeskDraftService,
    @Inject(DraftQueriesService) private readonly drafts: DraftQueriesService,
    @Inject(TransitionDraftService) private readonly transitions: TransitionDraftService,
    @Inject(StartSilenceProcedureService)
    private readonly silenceProcedure: StartSilenceProcedureService,
    @Inject(DeskResponder) private readonly responder: DeskResponder,
  ) {}

  @Get(':id')
  async draft(
    @Req() request: AuthenticatedRequest,
    @Res() reply: FastifyReply,
    @Param('id', UuidParam) id: string,
    @Query('revision') revision?: unknown,
    @Query('done') done?: unknown,
  ) {
    const number = revision === undefined ? undefined : revisionNumber(revision, 'revision');
    const key = doneKey(done);
    await this.showDraft(request, reply, id, {
      revision: number,
      notice: key ? i18n(request).t(key) : null,
    });
  }

  @Get(':id/compare')
  async compare(
    @Req() request: AuthenticatedRequest,
    @Res() reply: FastifyReply,
    @Param('id', UuidParam) id: string,
    @Query('from') from?: unknown,
    @Query('to') to?: unknown,
  ) {
    const t = i18n(request);
    const view = await this.pages.compare(
      id,
      revisionNumber(from, 'from'),
      revisionNumber(to, 'to'),
      t,
    );
    this.responder.page(request, reply, 'compare', view, {
      title: t.t('compare.pageTitle', {
        symbol: view.draft.symbol,
        from: view.from.number,
        to: view.to.number,
      }),
      section: 'drafts',
    });
  }

  @Post(':id/transitions')
  @RequireRoles('secretariat', 'chair', 'delegate')
  async transition(
    @Req() request: AuthenticatedRequest,
    @Res() reply: FastifyReply,
    @Param('id', UuidParam) id: string,
    @Body() body: unknown,
  ) {
    await this.act(request, reply, id, body, {
      parse: () => parseForm(TransitionForm, body),
      confirm: (form) => actionLabel(form.action, i18n(request)).confirm,
      work: async (form) => {
        await this.transitions.execute(
          request.principal!,
          id,
          { action: form.action, reason: form.reason, meetingId: form.meetingId },
          form.etag,
        );
        return form.action;
      },
    });
  }

  @Post(':id/silence')
  @RequireRoles('chair')
  async silence(
    @Req() request: AuthenticatedRequest,
    @Res() reply: FastifyReply,
    @Param('id', UuidParam) id: string,
    @Body() body: unknown,
  ) {
    await this.act(request, reply, id, body, {
      // The deadline field is in the official's time zone (UTC until they choose one).
      parse: () => {
        const form = parseForm(SilenceForm, body);
        return { ...form, deadline: i18n(request).fromInputValue(form.deadline) };
      },
      confirm: (form) =>
        i18n(request).t('confirm.silence', {
          deadline: formatInstant(form.deadline, i18n(request)),
        }),
      work: async (form) => {
        await this.silenceProcedure.execute(
          request.principal!,
          id,
          { deadline: form.deadline },
          form.etag,
        );
        return 'silence';
      },
    });
  }

  /** Runs a draft action from the draft page: confirm first, then act, then back to the page. */
  private async act<T>(
    request: AuthenticatedRequest,
    reply: FastifyReply,
    id: string,
    body: unknown,
    steps: { parse: () => T; confirm: (form: T) => string; work: (form: T) => Promise<string> },
  ) {
    let done: string;
    try {
      const form = steps.parse();
      if (!confirmed(body)) {
        const draft = await this.drafts.get(request.principal!, id);
        return askConfirmation(this.responder, request, reply, {
          message: i18n(request).t('confirm.onDraft', {
            symbol: draft.symbol,
            question: steps.confirm(form),
          }),
          action: request.url,
          body,
          cancelHref: `/desk/drafts/${id}`,
        });
      }
      done = await steps.work(form);
    } catch (error) {
      const problem = formRefusal(error, request);
      return this.showDraft(request, reply, id, { problem });
    }
    this.responder.seeOther(reply, `/desk/drafts/${id}?done=${done}`);
  }

  private async showDraft(
    request: AuthenticatedRequest,
    reply: FastifyReply,
    id: string,
    options: { revision?: number; notice?: string | null; problem?: ProblemView },
  ) {
    const t = i18n(request);
    const view = await this.pages.page(request.principal!, id, t, { revision: options.revision });
    this.responder.page(request, reply, 'draft', view, {
      title: t.t('draft.pageTitle', { symbol: view.draft.symbol, title: view.draft.title }),
      section: 'drafts',
      notice: options.notice ?? null,
      problem: options.problem ?? null,
      status: options.problem?.status ?? 200,
    });
  }
}
