import { Body, Controller, Get, HttpCode, Inject, Param, Post, Put } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { ApiProblems, ApiSignedIn } from '../common/api-docs';
import { UuidParam } from '../common/params';
import { NoticeDto, NotificationSettingsDto } from './notifications.dto';
import { NoticesService } from './notices.service';

@ApiTags('notifications')
@ApiSignedIn()
@Controller('api/me')
export class MeController {
  constructor(@Inject(NoticesService) private readonly notices: NoticesService) {}

  @Get('notices')
  @ApiOperation({ summary: 'Your notices, newest first (the last 200)' })
  @ApiOkResponse({ type: [NoticeDto.Output] })
  inbox(@CurrentPrincipal() principal: Principal) {
    return this.notices.inbox(principal.userId);
  }

  @Post('notices/:id/read')
  @HttpCode(204)
  @ApiOperation({ summary: 'Marks one of your notices read' })
  @ApiNoContentResponse({ description: 'Read' })
  @ApiProblems(400, 404)
  async read(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam) id: string) {
    await this.notices.markRead(principal.userId, id);
  }

  @Get('notification-settings')
  @ApiOperation({ summary: 'The kinds of notice you opted out of' })
  @ApiOkResponse({ type: NotificationSettingsDto.Output })
  settings(@CurrentPrincipal() principal: Principal) {
    return this.notices.settings(principal.userId);
  }

  @Put('notification-settings')
  @ApiOperation({ summary: 'Opt out of kinds of notice (the list replaces the previous one)' })
  @ApiOkResponse({ type: NotificationSettingsDto.Output })
  @ApiProblems(400)
  saveSettings(@CurrentPrincipal() principal: Principal, @Body() body: NotificationSettingsDto) {
    return this.notices.saveSettings(principal.userId, body.optOut);
  }
}
