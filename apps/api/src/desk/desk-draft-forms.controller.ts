import {
  Body,
  Controller,
  Get,
  Inject,
  Param,
  Post,
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
import { AddRevisionService } from '../drafts/use-cases/add-revision.service';
import { DeskDraftFormsService, keepRevisionInput } from './desk-draft-forms.service';
import { DeskGuard } from './desk.guard';
import { askConfirmation } from './desk-confirmation';
import { DeskExceptionFilter } from './desk-exception.filter';
import { i18n } from './desk-locale';
import { PositionForm, RevisionForm, confirmed, fields, parseForm } from './desk-forms';
import { DeskResponder } from './desk-responder';
import { type ProblemView, formRefusal } from './problem-view';

const STATE_CODE = /^[A-Za-z]{2,16}$/;

function memberStateCode(value: string): string {
  if (!STATE_CODE.test(value)) throw notFound('Member state', value, 'stateCode');
  return value.toUpperCase();
}

type RevisionFormView = Awaited<ReturnType<DeskDraftFormsService['revisionForm']>>;

/**
 * The forms with pages of their own under a draft: a member state's position and a new
 * revision. A refusal shows the form again with the problem, with its status, and keeps what
 * the official entered unless the text changed under it; success goes back to the draft page.
 */
@ApiExcludeController()
@Public()
@UseGuards(DeskGuard)
@UseFilters(DeskExceptionFilter)
@Controller('desk/drafts')
export class DeskDraftFormsController {
  constructor(
    @Inject(DeskDraftFormsService) private readonly forms: DeskDraftFormsService,
    @Inject(AddRevisionService) private readonly revisions: AddRevisionService,
    @Inject(DeskResponder) private readonly responder: DeskResponder,
  ) {}

  @Get(':id/positions/:stateCode')
  @RequireRoles('delegate', 'secretariat')
  async positionForm(
    @Req() request: AuthenticatedRequest,
    @Res() reply: FastifyReply,
    @Param('id', UuidParam) id: string,
    @Param('stateCode') stateCode: string,
  ) {
    await this.showPositionForm(request, reply, id, memberStateCode(stateCode), null, null);
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
    const code = memberStateCode(stateCode);
    try {
      const form = parseForm(PositionForm, body);
      if (!confirmed(body)) {
        const t = i18n(request);
        return askConfirmation(this.responder, request, reply, {
          message: t.t('position.confirm', {
            stance: t.t(`position.${form.stance}.word`),
            state: code,
            number: form.revision,
          }),
          action: `/desk/drafts/${id}/positions/${code}`,
          body,
          cancelHref: `/desk/drafts/${id}`,
        });
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
    const view = await this.forms.revisionForm(request.principal!, id, i18n(request));
    this.showRevisionForm(request, reply, view, null);
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
      form = parseForm(RevisionForm, body);
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
      return this.showRevisionForm(request, reply, kept, problem);
    }
    this.responder.seeOther(reply, `/desk/drafts/${id}?done=revision`);
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

  private showRevisionForm(
    request: AuthenticatedRequest,
    reply: FastifyReply,
    view: RevisionFormView,
    problem: ProblemView | null,
  ) {
    this.responder.page(request, reply, 'revise', view, {
      title: i18n(request).t('revise.pageTitle', { symbol: view.draft.symbol }),
      section: 'drafts',
      problem,
      status: problem?.status ?? 200,
    });
  }
}
