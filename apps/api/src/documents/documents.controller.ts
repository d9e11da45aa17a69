import { Controller, Get, Headers, Inject, Param, Query, Res } from '@nestjs/common';
import {
  ApiNotModifiedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { POSITION_READERS } from '@chancery/domain';
import { CurrentPrincipal, RequireRoles } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { ApiProblems, ApiSignedIn } from '../common/api-docs';
import { notFound } from '../common/app-error';
import { UuidParam } from '../common/params';
import { LanguageQueryDto, RedlineQueryDto, TextQueryDto } from './documents.dto';
import type { DeliveryConditions, RenderedDocument } from './document-delivery';
import {
  DOCX_CONTENT_TYPE,
  DocumentsService,
  MEETING_DOCUMENTS,
  type MeetingDocumentName,
} from './documents.service';

const DOCX_OK = {
  description: 'The Word document',
  content: { [DOCX_CONTENT_TYPE]: { schema: { type: 'string', format: 'binary' } } },
};

/**
 * If-None-Match, and a signal that fires when the client goes away before its answer is
 * written (so that its render stops and it is not audited as delivered).
 */
export function deliveryConditions(
  reply: FastifyReply,
  ifNoneMatch: string | undefined,
): DeliveryConditions {
  const controller = new AbortController();
  reply.raw.once('close', () => {
    if (!reply.raw.writableFinished) controller.abort();
  });
  return { ifNoneMatch, signal: controller.signal };
}

/** Sends a rendered document, or 304 when the client already holds this content. */
export function sendDocument(reply: FastifyReply, document: RenderedDocument): Buffer | undefined {
  void reply.header('ETag', document.etag).header('Cache-Control', 'private, no-cache');
  if (!document.buffer) {
    void reply.status(304);
    return undefined;
  }
  void reply
    .header('Content-Type', DOCX_CONTENT_TYPE)
    .header('Content-Disposition', `attachment; filename="${document.fileName}"`);
  return document.buffer;
}

@ApiTags('documents')
@ApiSignedIn()
@ApiProduces(DOCX_CONTENT_TYPE)
@Controller('api')
export class DocumentsController {
  constructor(@Inject(DocumentsService) private readonly documents: DocumentsService) {}

  @Get('meetings/:id/documents/:name.docx')
  @ApiOperation({
    summary: 'Provisional agenda, annotated agenda or list of documents of a meeting',
  })
  @ApiParam({ name: 'name', enum: MEETING_DOCUMENTS })
  @ApiOkResponse(DOCX_OK)
  @ApiNotModifiedResponse({ description: 'If-None-Match names the current ETag' })
  @ApiProblems(400, 404, 422)
  async meetingDocument(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam) id: string,
    @Param('name') name: string,
    @Query() query: LanguageQueryDto,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    if (!(MEETING_DOCUMENTS as readonly string[]).includes(name))
      throw notFound('Meeting document', name, 'name');
    return sendDocument(
      reply,
      await this.documents.meetingDocument(
        principal,
        id,
        name as MeetingDocumentName,
        query.lang,
        deliveryConditions(reply, ifNoneMatch),
      ),
    );
  }

  @Get('drafts/:id/documents/concordance.docx')
  @ApiOperation({
    summary:
      "The languages side by side: one row per paragraph of a revision, the original and every version, outdated ones marked (a translator's working document)",
  })
  @ApiOkResponse(DOCX_OK)
  @ApiNotModifiedResponse({ description: 'If-None-Match names the current ETag' })
  @ApiProblems(400, 404, 422)
  async concordance(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam) id: string,
    @Query() query: TextQueryDto,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return sendDocument(
      reply,
      await this.documents.draftDocument(
        principal,
        id,
        'concordance',
        { language: query.lang, revision: query.revision },
        deliveryConditions(reply, ifNoneMatch),
      ),
    );
  }

  @Get('drafts/:id/documents/text.docx')
  @ApiOperation({ summary: 'The text of a draft at a revision; DRAFT-marked until adopted' })
  @ApiOkResponse(DOCX_OK)
  @ApiNotModifiedResponse({ description: 'If-None-Match names the current ETag' })
  @ApiProblems(400, 404, 422)
  async text(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam) id: string,
    @Query() query: TextQueryDto,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return sendDocument(
      reply,
      await this.documents.draftDocument(
        principal,
        id,
        'text',
        { language: query.lang, revision: query.revision },
        deliveryConditions(reply, ifNoneMatch),
      ),
    );
  }

  @Get('drafts/:id/documents/compilation.docx')
  @ApiOperation({
    summary:
      'The compilation of amendments to a revision: under each paragraph every amendment to it as Word tracked changes authored by the proposing state',
  })
  @ApiOkResponse(DOCX_OK)
  @ApiNotModifiedResponse({ description: 'If-None-Match names the current ETag' })
  @ApiProblems(400, 404, 422)
  async compilation(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam) id: string,
    @Query() query: TextQueryDto,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return sendDocument(
      reply,
      await this.documents.draftDocument(
        principal,
        id,
        'compilation',
        { language: query.lang, revision: query.revision },
        deliveryConditions(reply, ifNoneMatch),
      ),
    );
  }

  @Get('drafts/:id/documents/redline.docx')
  @ApiOperation({ summary: 'The changes between two revisions as Word tracked changes' })
  @ApiOkResponse(DOCX_OK)
  @ApiNotModifiedResponse({ description: 'If-None-Match names the current ETag' })
  @ApiProblems(400, 404, 422)
  async redline(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam) id: string,
    @Query() query: RedlineQueryDto,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return sendDocument(
      reply,
      await this.documents.draftDocument(
        principal,
        id,
        'redline',
        { language: query.lang, from: query.from, to: query.to },
        deliveryConditions(reply, ifNoneMatch),
      ),
    );
  }

  @Get('drafts/:id/documents/consensus-report.docx')
  @RequireRoles(...POSITION_READERS)
  @ApiOperation({
    summary:
      "The consensus report of a draft: each member state's position, reservations, silence deadline",
  })
  @ApiOkResponse(DOCX_OK)
  @ApiNotModifiedResponse({ description: 'If-None-Match names the current ETag' })
  @ApiProblems(400, 404, 422)
  async consensusReport(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam) id: string,
    @Query() query: LanguageQueryDto,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return sendDocument(
      reply,
      await this.documents.draftDocument(
        principal,
        id,
        'consensus-report',
        { language: query.lang },
        deliveryConditions(reply, ifNoneMatch),
      ),
    );
  }

  @Get('documents/consensus-report.docx')
  @RequireRoles(...POSITION_READERS)
  @ApiOperation({ summary: 'The consensus report of every draft under review or at consensus' })
  @ApiOkResponse(DOCX_OK)
  @ApiNotModifiedResponse({ description: 'If-None-Match names the current ETag' })
  @ApiProblems(400, 422)
  async allConsensusReport(
    @CurrentPrincipal() principal: Principal,
    @Query() query: LanguageQueryDto,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return sendDocument(
      reply,
      await this.documents.consensusReportOfOpenDrafts(
        principal,
        query.lang,
        deliveryConditions(reply, ifNoneMatch),
      ),
    );
  }
}
