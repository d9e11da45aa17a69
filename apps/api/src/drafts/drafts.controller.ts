import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Inject,
  Param,
  Post,
  Put,
  Query,
  Res,
} from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentPrincipal, RequireRoles } from '../auth/auth.decorators';
import { POSITION_READERS } from '@chancery/domain';
import type { Principal } from '../auth/principal';
import { ApiProblems, ApiSignedIn } from '../common/api-docs';
import { notFound } from '../common/app-error';
import { UuidParam } from '../common/params';
import {
  AuditEntryDto,
  AuditVerificationDto,
  ConsensusDto,
  ConsensusMatrixDto,
  CreateDraftDto,
  CreateRevisionDto,
  DraftDto,
  DraftQueryDto,
  PositionDto,
  RecordedPositionDto,
  RevisionDto,
  SilenceProcedureDto,
  TransitionDto,
} from './drafts.dto';
import { DraftQueriesService } from './draft-queries.service';
import { AddRevisionService } from './use-cases/add-revision.service';
import { RecordPositionService } from './use-cases/record-position.service';
import { RegisterDraftService } from './use-cases/register-draft.service';
import { StartSilenceProcedureService } from './use-cases/start-silence-procedure.service';
import { TransitionDraftService } from './use-cases/transition-draft.service';

// The draft's ETag guards its text and status: a revision, a transition, or a silence
// procedure starting or ending moves it; a position never does.
const IF_MATCH_REQUIRED = {
  name: 'If-Match',
  required: true,
  description:
    "Precondition: the draft's ETag from your last read. It guards the draft's text and status (it moves with a revision, a transition, or a silence procedure starting or ending; never with a position). 428 without it, 412 if the text or status changed since",
};

@ApiTags('drafts')
@ApiSignedIn()
@Controller('api')
export class DraftsController {
  constructor(
    @Inject(DraftQueriesService) private readonly drafts: DraftQueriesService,
    @Inject(RegisterDraftService) private readonly registerDraft: RegisterDraftService,
    @Inject(AddRevisionService) private readonly addRevisionTo: AddRevisionService,
    @Inject(TransitionDraftService) private readonly transitionDraft: TransitionDraftService,
    @Inject(RecordPositionService) private readonly recordPosition: RecordPositionService,
    @Inject(StartSilenceProcedureService)
    private readonly startSilence: StartSilenceProcedureService,
  ) {}

  @Get('drafts')
  @ApiOperation({ summary: 'Drafts, most recently changed first' })
  @ApiOkResponse({ description: 'Draft summaries' })
  @ApiProblems(400)
  list(@Query() query: DraftQueryDto) {
    return this.drafts.list(query);
  }

  @Post('drafts')
  @RequireRoles('secretariat')
  @ApiOperation({ summary: 'Register a draft (secretariat); its symbol is generated' })
  @ApiCreatedResponse({ type: DraftDto.Output })
  @ApiProblems(400, 413, 422)
  async register(
    @CurrentPrincipal() principal: Principal,
    @Body() body: CreateDraftDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const draft = await this.registerDraft.execute(principal, body);
    void reply.header('ETag', draft.etag).header('Location', `/api/drafts/${draft.id}`);
    return draft;
  }

  @Get('drafts/:id')
  @ApiOperation({
    summary: 'A draft: status, current revision, silence procedure, your available actions, ETag',
  })
  @ApiOkResponse({ type: DraftDto.Output })
  @ApiProblems(404)
  async get(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam) id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const draft = await this.drafts.get(principal, id);
    void reply.header('ETag', draft.etag);
    return draft;
  }

  @Get('drafts/:id/revisions')
  @ApiOperation({ summary: 'Every revision of a draft, oldest first' })
  @ApiOkResponse({ type: [RevisionDto.Output] })
  @ApiProblems(404)
  revisions(@Param('id', UuidParam) id: string) {
    return this.drafts.revisions(id);
  }

  @Post('drafts/:id/revisions')
  @RequireRoles('secretariat', 'delegate', 'chair')
  @ApiOperation({
    summary:
      'Circulate a new revision (secretariat or the penholder). A paragraph naming an id of the previous revision keeps it; positions start a new round; at consensus it reopens review and needs a reason. With a disposition (secretariat or chair) the server computes the text from the amendments accepted and bracketed; the rest are not retained',
  })
  @ApiHeader(IF_MATCH_REQUIRED)
  @ApiCreatedResponse({ type: DraftDto.Output })
  @ApiProblems(400, 404, 409, 412, 413, 422, 428)
  async addRevision(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam) id: string,
    @Body() body: CreateRevisionDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const draft = await this.addRevisionTo.execute(principal, id, body, ifMatch);
    void reply.header('ETag', draft.etag);
    return draft;
  }

  @Get('drafts/:id/revisions/:n')
  @ApiOperation({ summary: 'One revision by number' })
  @ApiOkResponse({ type: RevisionDto.Output })
  @ApiProblems(404)
  revision(@Param('id', UuidParam) id: string, @Param('n') n: string) {
    if (!/^[1-9]\d{0,5}$/.test(n)) throw notFound('Revision', n, 'n');
    return this.drafts.revision(id, Number(n));
  }

  @Post('drafts/:id/transitions')
  @HttpCode(200)
  @RequireRoles('secretariat', 'chair', 'delegate')
  @ApiOperation({
    summary:
      'Move the draft: submit (secretariat), declare-consensus, reopen (chair), adopt (chair of the adopting body, meetingId), withdraw (secretariat or penholder)',
  })
  @ApiHeader(IF_MATCH_REQUIRED)
  @ApiOkResponse({ type: DraftDto.Output })
  @ApiProblems(400, 404, 409, 412, 422, 428)
  async transition(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam) id: string,
    @Body() body: TransitionDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const draft = await this.transitionDraft.execute(principal, id, body, ifMatch);
    void reply.header('ETag', draft.etag);
    return draft;
  }

  @Put('drafts/:id/positions/:stateCode')
  @RequireRoles('delegate', 'secretariat')
  @ApiOperation({
    summary:
      "Record a member state's position on the current revision: its delegate, or the secretariat on a note verbale",
  })
  @ApiHeader({
    name: 'If-Match',
    required: false,
    description:
      "Optional precondition: the draft's ETag, honoured when sent (412 if the draft's text or status changed since). The position binds to the revision named in the body (409 REVISION_SUPERSEDED if the draft was revised since), so other delegations' positions never stand in its way",
  })
  @ApiOkResponse({
    type: RecordedPositionDto.Output,
    description:
      "The position as recorded, with the draft's ETag (unchanged: positions do not move it)",
  })
  @ApiProblems(400, 404, 409, 412, 422)
  async position(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam) id: string,
    @Param('stateCode') stateCode: string,
    @Body() body: PositionDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const position = await this.recordPosition.execute(principal, id, stateCode, body, ifMatch);
    void reply.header('ETag', position.etag);
    return position;
  }

  @Post('drafts/:id/silence-procedure')
  @RequireRoles('chair')
  @ApiOperation({
    summary:
      'Start a silence procedure on the current revision (chair): no objection by the deadline is consent',
  })
  @ApiHeader(IF_MATCH_REQUIRED)
  @ApiCreatedResponse({ type: DraftDto.Output })
  @ApiProblems(400, 404, 409, 412, 422, 428)
  async silence(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam) id: string,
    @Body() body: SilenceProcedureDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const draft = await this.startSilence.execute(principal, id, body, ifMatch);
    void reply.header('ETag', draft.etag);
    return draft;
  }

  @Get('drafts/:id/consensus')
  @RequireRoles(...POSITION_READERS)
  @ApiOperation({
    summary: 'Who concurred, reserved, objected or has not answered on the current revision',
  })
  @ApiOkResponse({ type: ConsensusDto.Output })
  @ApiProblems(404)
  consensus(@Param('id', UuidParam) id: string) {
    return this.drafts.consensus(id);
  }

  @Get('consensus')
  @RequireRoles('admin', 'secretariat', 'chair')
  @ApiOperation({ summary: "The consensus matrix: every open draft × every member state's stance" })
  @ApiOkResponse({ type: ConsensusMatrixDto.Output })
  matrix() {
    return this.drafts.matrix();
  }

  @Get('drafts/:id/audit')
  @RequireRoles(...POSITION_READERS)
  @ApiOperation({ summary: 'The audit trail of a draft' })
  @ApiOkResponse({ type: [AuditEntryDto.Output] })
  @ApiProblems(404)
  audit(@Param('id', UuidParam) id: string) {
    return this.drafts.audit(id);
  }

  @Get('audit/verify')
  @RequireRoles('admin')
  @ApiOperation({ summary: 'Recompute the audit hash chain; says where it breaks' })
  @ApiOkResponse({ type: AuditVerificationDto.Output })
  verify() {
    return this.drafts.verifyAudit();
  }
}
