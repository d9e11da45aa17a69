import {
  Controller,
  Get,
  Headers,
  Inject,
  Param,
  Query,
  Req,
  Res,
  UseFilters,
  UseGuards,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { POSITION_READERS } from '@chancery/domain';
import { type AuthenticatedRequest, Public, RequireRoles } from '../auth/auth.decorators';
import { notFound } from '../common/app-error';
import { UuidParam } from '../common/params';
import { deliveryConditions, sendDocument } from '../documents/documents.controller';
import { LanguageQueryDto, RedlineQueryDto, TextQueryDto } from '../documents/documents.dto';
import {
  DRAFT_DOCUMENTS,
  DocumentsService,
  MEETING_DOCUMENTS,
  type MeetingDocumentName,
} from '../documents/documents.service';
import { DeskGuard } from './desk.guard';
import { DeskExceptionFilter } from './desk-exception.filter';

/**
 * The Word documents, for officials signed in to the desk: the same DocumentsService as the
 * API's bearer-token routes, reached with the session cookie. A refusal is a desk page.
 */
@ApiExcludeController()
@Public()
@UseGuards(DeskGuard)
@UseFilters(DeskExceptionFilter)
@Controller('desk')
export class DeskDocumentsController {
  constructor(@Inject(DocumentsService) private readonly documents: DocumentsService) {}

  @Get('meetings/:id/documents/:name.docx')
  async meetingDocument(
    @Req() request: AuthenticatedRequest,
    @Param('id', UuidParam) id: string,
    @Param('name') name: string,
    @Query() query: LanguageQueryDto,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    if (!(MEETING_DOCUMENTS as readonly string[]).includes(name))
      throw notFound('Meeting document', name, 'name');
    const document = await this.documents.meetingDocument(
      request.principal!,
      id,
      name as MeetingDocumentName,
      query.lang,
      deliveryConditions(reply, ifNoneMatch),
    );
    return sendDocument(reply, document);
  }

  @Get('drafts/:id/documents/text.docx')
  async text(
    @Req() request: AuthenticatedRequest,
    @Param('id', UuidParam) id: string,
    @Query() query: TextQueryDto,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const options = { language: query.lang, revision: query.revision };
    return sendDocument(
      reply,
      await this.documents.draftDocument(
        request.principal!,
        id,
        'text',
        options,
        deliveryConditions(reply, ifNoneMatch),
      ),
    );
  }

  @Get('drafts/:id/documents/redline.docx')
  async redline(
    @Req() request: AuthenticatedRequest,
    @Param('id', UuidParam) id: string,
    @Query() query: RedlineQueryDto,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const options = { language: query.lang, from: query.from, to: query.to };
    return sendDocument(
      reply,
      await this.documents.draftDocument(
        request.principal!,
        id,
        'redline',
        options,
        deliveryConditions(reply, ifNoneMatch),
      ),
    );
  }

  @Get('drafts/:id/documents/compilation.docx')
  async compilation(
    @Req() request: AuthenticatedRequest,
    @Param('id', UuidParam) id: string,
    @Query() query: TextQueryDto,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const options = { language: query.lang, revision: query.revision };
    return sendDocument(
      reply,
      await this.documents.draftDocument(
        request.principal!,
        id,
        'compilation',
        options,
        deliveryConditions(reply, ifNoneMatch),
      ),
    );
  }

  @Get('drafts/:id/documents/concordance.docx')
  async concordance(
    @Req() request: AuthenticatedRequest,
    @Param('id', UuidParam) id: string,
    @Query() query: TextQueryDto,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return sendDocument(
      reply,
      await this.documents.draftDocument(
        request.principal!,
        id,
        'concordance',
        { language: query.lang, revision: query.revision },
        deliveryConditions(reply, ifNoneMatch),
      ),
    );
  }

  @Get('drafts/:id/documents/consensus-report.docx')
  @RequireRoles(...POSITION_READERS)
  async consensusReport(
    @Req() request: AuthenticatedRequest,
    @Param('id', UuidParam) id: string,
    @Query() query: LanguageQueryDto,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const options = { language: query.lang };
    return sendDocument(
      reply,
      await this.documents.draftDocument(
        request.principal!,
        id,
        'consensus-report',
        options,
        deliveryConditions(reply, ifNoneMatch),
      ),
    );
  }

  /** Any other name under a draft's documents: a page saying so, not a bare 404. */
  @Get('drafts/:id/documents/:name')
  unknownDraftDocument(@Param('id', UuidParam) _id: string, @Param('name') name: string) {
    throw notFound(
      'Draft document',
      `${name} (one of ${DRAFT_DOCUMENTS.map((d) => `${d}.docx`).join(', ')})`,
      'name',
    );
  }
}
