import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, ApiSignedIn } from '../common/api-docs';
import { BodyDto, ChairmanshipDto, ParticipantDto, ParticipantQueryDto } from './reference.dto';
import { ReferenceService } from './reference.service';

@ApiTags('reference data')
@ApiSignedIn()
@Controller('api')
export class ReferenceController {
  constructor(@Inject(ReferenceService) private readonly reference: ReferenceService) {}

  @Get('participants')
  @ApiOperation({ summary: 'Member states, observer states, observer and partner organisations' })
  @ApiOkResponse({ type: [ParticipantDto.Output] })
  @ApiProblems(400)
  participants(@Query() query: ParticipantQueryDto) {
    return this.reference.participants(query.kind);
  }

  @Get('participants/:code')
  @ApiOperation({ summary: 'One participant by its code' })
  @ApiOkResponse({ type: ParticipantDto.Output })
  @ApiProblems(404)
  participant(@Param('code') code: string) {
    return this.reference.participant(code);
  }

  @Get('bodies')
  @ApiOperation({ summary: 'Decision-making bodies and the document types each adopts' })
  @ApiOkResponse({ type: [BodyDto.Output] })
  bodies() {
    return this.reference.bodies();
  }

  @Get('chairmanships')
  @ApiOperation({ summary: 'Chairmanships of the forum, oldest first' })
  @ApiOkResponse({ type: [ChairmanshipDto.Output] })
  chairmanships() {
    return this.reference.chairmanships();
  }
}
