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
import { AmendmentsService } from '../amendments/amendments.service';
import { type AuthenticatedRequest, Public, RequireRoles } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { DomainError } from '@chancery/domain';
import { UuidParam } from '../common/params';
import { DraftQueriesService } from '../drafts/draft-queries.service';
import { AddRevisionService } from '../drafts/use-cases/add-revision.service';
import {
  type AmendmentImportPreview,
  AmendmentImportService,
} from '../amendments/amendment-import.service';
import { readWordUpload } from '../word-upload/word-upload';
import { amendmentImportView } from './amendment-import-view';
import { DeskGuard, DeskUpload } from './desk.guard';
import { type Choice, DeskAmendmentsService } from './desk-amendments.service';
import { DeskExceptionFilter } from './desk-exception.filter';
import { AmendmentForm, AmendmentImportForm, fields } from './desk-forms';
import { i18n } from './desk-locale';
import { DeskResponder } from './desk-responder';
import { type ProblemView, formRefusal } from './problem-view';

const CHOICES: readonly Choice[] = ['accept', 'bracket', 'drop'];

/**
 * Amendments on the desk: a delegation proposes wording on a paragraph and withdraws its own;
 * the chair (or the secretariat) disposes of the round in one form that previews the text
 * before circulating it. Each post goes to the same services as the API.
 */
@ApiExcludeController()
@Public()
@UseGuards(DeskGuard)
@UseFilters(DeskExceptionFilter)
@Controller('desk/drafts/:id')
export class DeskAmendmentsController {
  constructor(
    @Inject(DeskAmendmentsService) private readonly pages: DeskAmendmentsService,
    @Inject(AmendmentsService) private readonly amendments: AmendmentsService,
    @Inject(DraftQueriesService) private readonly queries: DraftQueriesService,
    @Inject(AddRevisionService) private readonly revisions: AddRevisionService,
    @Inject(DeskResponder) private readonly responder: DeskResponder,
    @Inject(AmendmentImportService) private readonly imports: AmendmentImportService,
    @Inject(DeskGuard) private readonly guard: DeskGuard,
  ) {}

  @Get('amendments/new')
  @RequireRoles('delegate', 'secretariat')
  async proposalForm(
    @Req() request: AuthenticatedRequest,
    @Res() reply: FastifyReply,
    @Param('id', UuidParam) id: string,
  ) {
    await this.showProposal(request, reply, id, null, {});
  }

  @Post('amendments')
  @RequireRoles('delegate', 'secretariat')
  async propose(
    @Req() request: AuthenticatedRequest,
    @Res() reply: FastifyReply,
    @Param('id', UuidParam) id: string,
    @Body() body: unknown,
  ) {
    try {
      const form = AmendmentForm.parse(fields(body));
      const change =
        form.kind === 'delete'
          ? { paragraphId: form.paragraphId, delete: true as const }
          : form.kind === 'insert'
            ? { after: form.paragraphId, text: form.text ?? '' }
            : { paragraphId: form.paragraphId, text: form.text ?? '' };
      await this.amendments.propose(request.principal!, id, {
        revision: form.revision,
        stateCode: form.stateCode,
        changes: [change],
        note: form.note,
      });
    } catch (error) {
      return this.showProposal(request, reply, id, formRefusal(error, request), fields(body));
    }
    this.responder.seeOther(reply, `/desk/drafts/${id}?done=amendment#amendments-heading`);
  }

  /** A Word copy with tracked changes: the upload answers a preview and stores nothing. */
  @Post('amendments/import')
  @RequireRoles('delegate', 'secretariat')
  @DeskUpload()
  async importPreview(
    @Req() request: AuthenticatedRequest,
    @Res() reply: FastifyReply,
    @Param('id', UuidParam) id: string,
  ) {
    const upload = await readWordUpload(request);
    await this.guard.verifyUploadCsrf(request, upload.fields._csrf);
    const t = i18n(request);
    const principal = request.principal!;
    let preview: AmendmentImportPreview;
    try {
      preview = await this.imports.preview(principal, id, upload);
    } catch (error) {
      return this.showProposal(request, reply, id, formRefusal(error, request), upload.fields);
    }
    const current = await this.current(principal, id);
    const view = amendmentImportView(
      { id, symbol: current.symbol },
      current,
      preview,
      upload.filename || 'Word',
      t,
    );
    this.responder.page(request, reply, 'amendments-import-preview', view, {
      title: t.t('amendImport.pageTitle', { symbol: current.symbol }),
      section: 'drafts',
    });
  }

  /** The previewed amendments proposed, decided again by the same use case as the API's. */
  @Post('amendments/import/confirm')
  @RequireRoles('delegate', 'secretariat')
  async importConfirm(
    @Req() request: AuthenticatedRequest,
    @Res() reply: FastifyReply,
    @Param('id', UuidParam) id: string,
    @Body() body: unknown,
  ) {
    try {
      const form = AmendmentImportForm.parse(fields(body));
      await this.amendments.proposeSeveral(request.principal!, id, {
        revision: form.revision,
        stateCode: form.stateCode,
        amendments: form.proposals,
        source: { from: 'word', file: form.file },
      });
    } catch (error) {
      return this.showProposal(request, reply, id, formRefusal(error, request), fields(body));
    }
    this.responder.seeOther(
      reply,
      `/desk/drafts/${id}?done=amendments-imported#amendments-heading`,
    );
  }

  @Post('amendments/:amendmentId/withdraw')
  @RequireRoles('delegate', 'secretariat')
  async withdraw(
    @Req() request: AuthenticatedRequest,
    @Res() reply: FastifyReply,
    @Param('id', UuidParam) id: string,
    @Param('amendmentId', UuidParam) amendmentId: string,
  ) {
    await this.amendments.withdraw(request.principal!, id, amendmentId);
    this.responder.seeOther(reply, `/desk/drafts/${id}?done=amendment-withdrawn`);
  }

  @Get('disposition')
  @RequireRoles('chair', 'secretariat')
  async dispositionForm(
    @Req() request: AuthenticatedRequest,
    @Res() reply: FastifyReply,
    @Param('id', UuidParam) id: string,
  ) {
    await this.showDisposition(request, reply, id, new Map(), false, null);
  }

  @Post('disposition')
  @RequireRoles('chair', 'secretariat')
  async dispose(
    @Req() request: AuthenticatedRequest,
    @Res() reply: FastifyReply,
    @Param('id', UuidParam) id: string,
    @Body() body: unknown,
  ) {
    const sent = fields(body);
    const choices = new Map<string, Choice>();
    for (const [name, value] of Object.entries(sent)) {
      if (name.startsWith('a-') && CHOICES.includes(value as Choice))
        choices.set(name.slice(2), value as Choice);
    }
    if (sent.step !== 'post') {
      try {
        return await this.showDisposition(request, reply, id, choices, true, null);
      } catch (error) {
        return this.showDisposition(
          request,
          reply,
          id,
          choices,
          false,
          formRefusal(error, request),
        );
      }
    }
    try {
      const pick = (wanted: Choice) =>
        [...choices].filter(([, c]) => c === wanted).map(([amendmentId]) => amendmentId);
      await this.revisions.execute(
        request.principal!,
        id,
        {
          preamble: [],
          operative: [],
          disposition: { accepted: pick('accept'), bracketed: pick('bracket') },
        },
        typeof sent.etag === 'string' ? sent.etag : undefined,
      );
    } catch (error) {
      return this.showDisposition(request, reply, id, choices, false, formRefusal(error, request));
    }
    this.responder.seeOther(reply, `/desk/drafts/${id}?done=disposition`);
  }

  // ---- helpers -------------------------------------------------------------------------

  private async current(principal: Principal, id: string) {
    const draft = await this.queries.get(principal, id);
    if (!draft.revision)
      throw new DomainError('REVISION_REQUIRED', 'The draft has no text to amend yet.');
    return { ...draft.revision, symbol: draft.symbol, etag: draft.etag };
  }

  private async showProposal(
    request: AuthenticatedRequest,
    reply: FastifyReply,
    id: string,
    problem: ProblemView | null,
    sent: Record<string, unknown>,
  ) {
    const current = await this.current(request.principal!, id);
    const t = i18n(request);
    const view = await this.pages.proposalForm(request.principal!, id, current, t);
    const keep = (name: string) => (typeof sent[name] === 'string' ? sent[name] : '');
    const kept = {
      ...view,
      text: keep('text'),
      note: keep('note'),
      paragraphs: view.paragraphs.map((p) => ({ ...p, selected: p.value === keep('paragraphId') })),
      kinds: view.kinds.map((k) => ({
        ...k,
        checked: keep('kind') ? k.value === keep('kind') : k.checked,
      })),
      states: view.states.map((s) => ({ ...s, selected: s.value === keep('stateCode') })),
    };
    this.responder.page(request, reply, 'amend', kept, {
      title: t.t('amend.pageTitle', { symbol: view.draft.symbol }),
      section: 'drafts',
      problem,
      status: problem?.status ?? 200,
    });
  }

  private async showDisposition(
    request: AuthenticatedRequest,
    reply: FastifyReply,
    id: string,
    choices: ReadonlyMap<string, Choice>,
    preview: boolean,
    problem: ProblemView | null,
  ) {
    const current = await this.current(request.principal!, id);
    const t = i18n(request);
    const view = await this.pages.dispositionForm(id, current, choices, preview, t);
    this.responder.page(request, reply, 'dispose', view, {
      title: t.t('dispose.pageTitle', { symbol: view.draft.symbol }),
      section: 'drafts',
      problem,
      status: problem?.status ?? 200,
    });
  }
}
