import { Controller, Headers, Inject, Param, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentPrincipal, RequireRoles } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { ApiProblems, ApiSignedIn } from '../common/api-docs';
import { UuidParam } from '../common/params';
import { WORD_UPLOAD_MAX_BYTES, isDryRun, readWordUpload } from '../word-upload/word-upload';
import { DraftDto } from './drafts.dto';
import { RevisionImportPreviewDto } from './revision-import.dto';
import { RevisionImportService } from './revision-import.service';

@ApiTags('drafts')
@ApiSignedIn()
@Controller('api')
export class RevisionImportController {
  constructor(@Inject(RevisionImportService) private readonly imports: RevisionImportService) {}

  @Post('drafts/:id/revisions/import')
  @RequireRoles('secretariat')
  @ApiOperation({
    summary:
      "Read a Word file (.docx) as the draft's next revision (secretariat). Each paragraph is matched to the current revision's by similarity and keeps its id. With dryRun=true nothing is stored: the answer shows the paragraphs, the mapping and the warnings",
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: {
        file: {
          type: 'string',
          format: 'binary',
          description: `The .docx, at most ${WORD_UPLOAD_MAX_BYTES / 1024 / 1024} MiB`,
        },
        note: {
          type: 'string',
          description: 'What changed; defaults to "Imported from <file name>"',
        },
        reason: {
          type: 'string',
          description: 'Required when the draft is at consensus (reopens review)',
        },
      },
    },
  })
  @ApiQuery({ name: 'dryRun', required: false, enum: ['true', 'false'] })
  @ApiHeader({
    name: 'If-Match',
    required: false,
    description: 'Required unless dryRun=true: the ETag of the draft (428 without, 412 stale)',
  })
  @ApiOkResponse({
    type: RevisionImportPreviewDto.Output,
    description: 'dryRun=true: what would be stored',
  })
  @ApiCreatedResponse({ type: DraftDto.Output, description: 'The draft with its new revision' })
  @ApiProblems(400, 404, 409, 412, 413, 415, 422, 428, 503)
  async import(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam) id: string,
    @Query('dryRun') dryRun: string | undefined,
    @Headers('if-match') ifMatch: string | undefined,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const rehearse = isDryRun(dryRun);
    const upload = await readWordUpload(request);
    if (rehearse) {
      void reply.status(200);
      return this.imports.preview(principal, id, upload);
    }
    const draft = await this.imports.import(principal, id, upload, ifMatch);
    void reply.status(201).header('ETag', draft.etag);
    return draft;
  }
}
