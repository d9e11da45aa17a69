import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Inject,
  Param,
  Post,
  Put,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { WORD_UPLOAD_MAX_BYTES, isDryRun, readWordUpload } from '../word-upload/word-upload';
import { AmendmentImportService } from './amendment-import.service';
import { CurrentPrincipal, RequireRoles } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { ApiProblems, ApiSignedIn } from '../common/api-docs';
import { UuidParam } from '../common/params';
import {
  AmendmentDto,
  AmendmentImportPreviewDto,
  AmendmentQueryDto,
  ProposeAmendmentDto,
} from './amendments.dto';
import { AmendmentsService } from './amendments.service';

@ApiTags('amendments')
@ApiSignedIn()
@Controller('api/drafts/:id/amendments')
export class AmendmentsController {
  constructor(
    @Inject(AmendmentsService) private readonly amendments: AmendmentsService,
    @Inject(AmendmentImportService) private readonly imports: AmendmentImportService,
  ) {}

  @Post()
  @RequireRoles('delegate', 'secretariat')
  @ApiOperation({
    summary:
      "Propose wording on the current revision for a member state: its delegate, or the secretariat on a note verbale. Does not move the draft's ETag",
  })
  @ApiCreatedResponse({ type: AmendmentDto.Output })
  @ApiProblems(400, 404, 409, 413, 422)
  async propose(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam) id: string,
    @Body() body: ProposeAmendmentDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const amendment = await this.amendments.propose(principal, id, body);
    void reply.header('Location', `/api/drafts/${id}/amendments/${amendment.id}`);
    return amendment;
  }

  @Post('import')
  @RequireRoles('delegate', 'secretariat')
  @ApiOperation({
    summary:
      "Read a delegation's copy of the current revision with Word tracked changes (.docx) as its amendments, one per changed paragraph: its delegate, or the secretariat on a note verbale. With dryRun=true nothing is stored and the answer shows what would be",
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
          description: `The .docx with tracked changes, at most ${WORD_UPLOAD_MAX_BYTES / 1024 / 1024} MiB`,
        },
        stateCode: {
          type: 'string',
          description: "The proposing member state; a delegate's own by default",
        },
        revision: {
          type: 'integer',
          description:
            'The revision the copy was made from (409 if superseded); the current one by default',
        },
        note: { type: 'string', description: 'Printed under each amendment, before its origin' },
      },
    },
  })
  @ApiQuery({ name: 'dryRun', required: false, enum: ['true', 'false'] })
  @ApiOkResponse({ type: AmendmentImportPreviewDto.Output, description: 'dryRun=true' })
  @ApiCreatedResponse({ type: [AmendmentDto.Output], description: 'The amendments proposed' })
  @ApiProblems(400, 403, 404, 409, 413, 415, 422, 503)
  async importTracked(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam) id: string,
    @Query('dryRun') dryRun: string | undefined,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const rehearse = isDryRun(dryRun);
    const upload = await readWordUpload(request);
    if (rehearse) {
      void reply.status(200);
      const { stored: _stored, ...preview } = await this.imports.preview(principal, id, upload);
      return preview;
    }
    void reply.status(201);
    return this.imports.import(principal, id, upload);
  }

  @Get()
  @ApiOperation({ summary: 'Amendments to a draft in number order, of one revision if asked' })
  @ApiOkResponse({ type: [AmendmentDto.Output] })
  @ApiProblems(400, 404)
  list(@Param('id', UuidParam) id: string, @Query() query: AmendmentQueryDto) {
    return this.amendments.list(id, query.revision);
  }

  @Put(':amendmentId/sponsors/:stateCode')
  @RequireRoles('delegate', 'secretariat')
  @ApiOperation({ summary: 'Co-sponsor an open amendment for a member state (idempotent)' })
  @ApiOkResponse({ type: AmendmentDto.Output })
  @ApiProblems(404, 409, 422)
  sponsor(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam) id: string,
    @Param('amendmentId', UuidParam) amendmentId: string,
    @Param('stateCode') stateCode: string,
  ) {
    return this.amendments.sponsor(principal, id, amendmentId, stateCode, true);
  }

  @Delete(':amendmentId/sponsors/:stateCode')
  @RequireRoles('delegate', 'secretariat')
  @ApiOperation({ summary: 'Stop co-sponsoring an open amendment (idempotent)' })
  @ApiOkResponse({ type: AmendmentDto.Output })
  @ApiProblems(404, 409, 422)
  unsponsor(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam) id: string,
    @Param('amendmentId', UuidParam) amendmentId: string,
    @Param('stateCode') stateCode: string,
  ) {
    return this.amendments.sponsor(principal, id, amendmentId, stateCode, false);
  }

  @Post(':amendmentId/withdraw')
  @HttpCode(200)
  @RequireRoles('delegate', 'secretariat')
  @ApiOperation({
    summary: 'Withdraw an open amendment: its proposing delegation, or the secretariat for it',
  })
  @ApiOkResponse({ type: AmendmentDto.Output })
  @ApiProblems(404, 409, 422)
  withdraw(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam) id: string,
    @Param('amendmentId', UuidParam) amendmentId: string,
  ) {
    return this.amendments.withdraw(principal, id, amendmentId);
  }
}
