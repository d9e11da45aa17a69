import { Controller, Get, Headers, Inject, Query, Res } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { ApiProblems, ApiSignedIn } from '../common/api-docs';
import { EventHub } from './event-hub';
import { lastEventId, openEventStream } from './event-stream';

/** Only the resume point: anything else in the query is refused (400), as on every route. */
class EventsQueryDto extends createZodDto(
  z.strictObject({
    lastEventId: z
      .string()
      .max(18)
      .optional()
      .describe('Resume after this event (or send Last-Event-ID)'),
  }),
) {}

@ApiTags('live')
@ApiSignedIn()
@Controller('api')
export class EventsController {
  constructor(@Inject(EventHub) private readonly hub: EventHub) {}

  @Get('events')
  @ApiOperation({
    summary: 'Server-sent events as drafts change: {type, draftId, …} with ids',
    description:
      'type is position, status, revision, silence or amendment. Reconnect with Last-Event-ID ' +
      '(or ?lastEventId=) to receive what was missed (kept for 24 hours).',
  })
  @ApiProduces('text/event-stream')
  @ApiHeader({ name: 'Last-Event-ID', required: false, description: 'Resume after this event' })
  @ApiOkResponse({ description: 'A text/event-stream that stays open' })
  @ApiProblems(400, 503)
  async events(
    @Headers('last-event-id') header: string | undefined,
    @Query() query: EventsQueryDto,
    @Res() reply: FastifyReply,
  ) {
    await openEventStream(reply, this.hub, lastEventId(header, query.lastEventId));
  }
}
