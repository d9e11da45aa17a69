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
  Res,
} from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentPrincipal, RequireRoles } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { ApiProblems, ApiSignedIn } from '../common/api-docs';
import { UuidParam } from '../common/params';
import { AmendmentDto, AmendmentQueryDto, ProposeAmendmentDto } from './amendments.dto';
import { AmendmentsService } from './amendments.service';

@ApiTags('amendments')
@ApiSignedIn()
@Controller('api/drafts/:id/amendments')
export class AmendmentsController {
  constructor(@Inject(AmendmentsService) private readonly amendments: AmendmentsService) {}

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
