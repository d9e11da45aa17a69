import { Controller, Inject, Param, Post, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { type AuthenticatedRequest, Public, RequireRoles } from '../auth/auth.decorators';
import { UuidParam } from '../common/params';
import { RevisionImportService } from '../drafts/revision-import.service';
import { readWordUpload } from '../word-upload/word-upload';
import { DeskGuard, DeskUpload } from './desk.guard';
import { DeskDraftFormsService } from './desk-draft-forms.service';
import { DeskExceptionFilter } from './desk-exception.filter';
import { i18n } from './desk-locale';
import { DeskResponder } from './desk-responder';
import { importPreviewView } from './import-preview-view';

/**
 * A Word file as the next revision, from the draft page: the upload answers a preview (which
 * paragraph keeps which id, how similar, what goes, the warnings) and stores nothing; its
 * confirmation posts the previewed text to the ordinary revision form, which decides again.
 */
@ApiExcludeController()
@Public()
@UseGuards(DeskGuard)
@UseFilters(DeskExceptionFilter)
@Controller('desk/drafts')
export class DeskImportController {
  constructor(
    @Inject(RevisionImportService) private readonly imports: RevisionImportService,
    @Inject(DeskDraftFormsService) private readonly pages: DeskDraftFormsService,
    @Inject(DeskGuard) private readonly guard: DeskGuard,
    @Inject(DeskResponder) private readonly responder: DeskResponder,
  ) {}

  @Post(':id/import')
  @RequireRoles('secretariat')
  @DeskUpload()
  async preview(
    @Req() request: AuthenticatedRequest,
    @Res() reply: FastifyReply,
    @Param('id', UuidParam) id: string,
  ) {
    const upload = await readWordUpload(request);
    await this.guard.verifyUploadCsrf(request, upload.fields._csrf);
    const t = i18n(request);
    const form = await this.pages.revisionForm(request.principal!, id, t);
    const preview = await this.imports.preview(request.principal!, id, upload);
    const view = importPreviewView(
      form,
      preview,
      {
        fileName: upload.filename,
        // The ETag of the page the file was chosen on: a draft changed since answers 412 on confirming.
        etag: upload.fields.etag || form.draft.etag,
      },
      t,
    );
    this.responder.page(request, reply, 'import-preview', view, {
      title: t.t('import.pageTitle', { symbol: form.draft.symbol }),
      section: 'drafts',
    });
  }
}
