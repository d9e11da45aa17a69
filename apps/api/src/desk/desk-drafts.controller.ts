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
import type { z } from 'zod';
import { type AuthenticatedRequest, Public, RequireRoles } from '../auth/auth.decorators';
import { notFound } from '../common/app-error';
import { UuidParam } from '../common/params';
import { DraftQueriesService } from '../drafts/draft-queries.service';
import { AddRevisionService } from '../drafts/use-cases/add-revision.service';
import { StartSilenceProcedureService } from '../drafts/use-cases/start-silence-procedure.service';
import { TransitionDraftService } from '../drafts/use-cases/transition-draft.service';
import { DeskDraftFormsService, keepRevisionInput } from './desk-draft-forms.service';
import { DeskGuard } from './desk.guard';
import { DeskDraftService } from './desk-draft.service';
import { DeskExceptionFilter } from './desk-exception.filter';
import { actionLabel, formatInstant } from './desk-labels';
import { i18n } from './desk-locale';
import type { MessageKey } from './i18n/desk-i18n';
import {
  PositionForm,
  RevisionForm,
  SilenceForm,
  TransitionForm,
  confirmed,
  fields,
} from './desk-forms';
import { DeskResponder } from './desk-responder';
import { type ProblemView, formRefusal } from './problem-view';

const REVISION_NUMBER = /^[1-9]\d{0,5}$/;
const STATE_CODE = /^[A-Za-z]{2,16}$/;

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

/** A form's fields as the browser sent them, for the confirmation page to send again. */
function repeatFields(body: unknown): { name: string; value: string }[] {
  return Object.entries(fields(body))
    .filter(([name]) => name !== '_csrf' && name !== 'confirmed')
    .flatMap(([name, value]) =>
      (Array.isArray(value) ? value : [value]).map((item) => ({ name, value: String(item) })),
    );
}

function parse<T extends z.ZodType>(schema: T, body: unknown): z.infer<T> {
  return schema.parse(fields(body));
}

/**
 * The draft page and the forms on it. Each post is parsed, confirmed, handed to its use case
 * (which decides again, under the draft's lock and its ETag) and answered with a redirect; a
 * refusal shows the page again with the problem, with its status.
 */
@ApiExcludeController()
@Public()
@UseGuards(DeskGuard)
@UseFilters(DeskExceptionFilter)
@Controller('desk/drafts')
export class DeskDraftsController {
  constructor(
    @Inject(DeskDraftService) private readonly pages: DeskDraftService,
    @Inject(DeskDraftFormsService) private readonly forms: DeskDraftFormsService,
    @Inject(DraftQueriesService) private readonly drafts: DraftQueriesService,
    @Inject(TransitionDraftService) private readonly transitions: TransitionDraftService,
    @Inject(StartSilenceProcedureService)
    private readonly silenceProcedure: StartSilenceProcedureService,
    @Inject(AddRevisionService) private readonly revisions: AddRevisionService,
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
      parse: () => parse(TransitionForm, body),
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
        const form = parse(SilenceForm, body);
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

  @Get(':id/positions/:stateCode')
  @RequireRoles('delegate', 'secretariat')
  async positionForm(
    @Req() request: AuthenticatedRequest,
    @Res() reply: FastifyReply,
    @Param('id', UuidParam) id: string,
    @Param('stateCode') stateCode: string,
  ) {
    await this.showPositionForm(request, reply, id, this.stateCode(stateCode), null, null);
  }

  @Post(':id/positions/:stateCode')
  @RequireRoles('delegate', 'secretariat')
  async recordPosition(
    @Req() request: AuthenticatedRequest,
    @Res() reply: FastifyReply,
    @Param('id', UuidParam) id: string,
    @Param('stateCode') stateCode: string,
    @Body() body: unknown,
  ) {
    const code = this.stateCode(stateCode);
    try {
      const form = parse(PositionForm, body);
      if (!confirmed(body)) {
        const t = i18n(request);
        return this.confirm(
          request,
          reply,
          t.t('position.confirm', {
            stance: t.t(`position.${form.stance}.word`),
            state: code,
            number: form.revision,
          }),
          `/desk/drafts/${id}/positions/${code}`,
          body,
          `/desk/drafts/${id}`,
        );
      }
      await this.forms.recordPosition(request.principal!, id, code, form.revision, {
        stance: form.stance,
        text: form.text,
        paragraphs: form.paragraphs,
      });
    } catch (error) {
      const problem = formRefusal(error, request);
      return this.showPositionForm(request, reply, id, code, problem, body);
    }
    this.responder.seeOther(reply, `/desk/drafts/${id}?done=position`);
  }

  @Get(':id/revise')
  @RequireRoles('secretariat', 'delegate')
  async revisionForm(
    @Req() request: AuthenticatedRequest,
    @Res() reply: FastifyReply,
    @Param('id', UuidParam) id: string,
  ) {
    const t = i18n(request);
    const view = await this.forms.revisionForm(request.principal!, id, t);
    this.responder.page(request, reply, 'revise', view, {
      title: t.t('revise.pageTitle', { symbol: view.draft.symbol }),
      section: 'drafts',
    });
  }

  @Post(':id/revise')
  @RequireRoles('secretariat', 'delegate')
  async revise(
    @Req() request: AuthenticatedRequest,
    @Res() reply: FastifyReply,
    @Param('id', UuidParam) id: string,
    @Body() body: unknown,
  ) {
    let form: z.infer<typeof RevisionForm> | null = null;
    try {
      form = parse(RevisionForm, body);
      const paragraphs = (ids: string[], texts: string[]) =>
        texts
          .map((text, i) => ({ id: ids[i] ? ids[i] : undefined, text: text.trim() }))
          .filter((p) => p.text !== '');
      await this.revisions.execute(
        request.principal!,
        id,
        {
          title: form.title,
          preamble: paragraphs(form.preambleId, form.preambleText),
          operative: paragraphs(form.operativeId, form.operativeText),
          note: form.note,
          reason: form.reason,
        },
        form.etag,
      );
    } catch (error) {
      const problem = formRefusal(error, request);
      const t = i18n(request);
      const view = await this.forms.revisionForm(request.principal!, id, t);
      // Give back what the official wrote; only a stale form starts again from the new text.
      const kept = form && !problem.stale ? keepRevisionInput(view, form, t) : view;
      return this.responder.page(request, reply, 'revise', kept, {
        title: t.t('revise.pageTitle', { symbol: view.draft.symbol }),
        section: 'drafts',
        problem,
        status: problem.status,
      });
    }
    this.responder.seeOther(reply, `/desk/drafts/${id}?done=revision`);
  }

  // ---- helpers -------------------------------------------------------------------------

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
        return this.confirm(
          request,
          reply,
          i18n(request).t('confirm.onDraft', {
            symbol: draft.symbol,
            question: steps.confirm(form),
          }),
          request.url,
          body,
          `/desk/drafts/${id}`,
        );
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

  private async showPositionForm(
    request: AuthenticatedRequest,
    reply: FastifyReply,
    id: string,
    code: string,
    problem: ProblemView | null,
    body: unknown,
  ) {
    const t = i18n(request);
    const view = await this.forms.positionForm(request.principal!, id, code, t);
    const sent = body === null ? null : PositionForm.safeParse(fields(body));
    // After a refusal the form shows what the official chose, unless the text changed under it.
    const kept =
      sent?.success && !problem?.stale
        ? {
            ...view,
            stances: view.stances.map((s) => ({ ...s, checked: s.value === sent.data.stance })),
            text: sent.data.text ?? '',
            paragraphs: view.paragraphs.map((p) => ({
              ...p,
              checked: sent.data.paragraphs.includes(p.id),
            })),
          }
        : view;
    this.responder.page(request, reply, 'position', kept, {
      title: t.t('position.pageTitle', { state: view.state.name, symbol: view.draft.symbol }),
      section: 'drafts',
      problem,
      status: problem?.status ?? 200,
    });
  }

  private confirm(
    request: AuthenticatedRequest,
    reply: FastifyReply,
    message: string,
    action: string,
    body: unknown,
    cancelHref: string,
  ) {
    this.responder.page(
      request,
      reply,
      'confirm',
      { message, action, fields: repeatFields(body), cancelHref },
      { title: i18n(request).t('confirm.pageTitle'), section: 'drafts' },
    );
  }

  private stateCode(value: string): string {
    if (!STATE_CODE.test(value)) throw notFound('Member state', value, 'stateCode');
    return value.toUpperCase();
  }
}
