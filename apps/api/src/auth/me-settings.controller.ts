import { Body, Controller, Get, Inject, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { ApiProblems, ApiSignedIn } from '../common/api-docs';
import { DESK_LANGUAGES } from '../desk/i18n/desk-i18n';
import { CurrentPrincipal } from './auth.decorators';
import type { Principal } from './principal';
import { UserSettingsService } from './use-cases/user-settings.service';

const LANGUAGE_CODES = DESK_LANGUAGES as [string, ...string[]];

export class UserSettingsInput extends createZodDto(
  z.strictObject({
    language: z
      .string()
      .max(16)
      .optional()
      .describe(`The language of the desk and of your mail notices: ${LANGUAGE_CODES.join(', ')}`),
    timeZone: z
      .string()
      .max(64)
      .optional()
      .describe('An IANA time zone (Europe/Moscow, Asia/Almaty, UTC): deadlines are shown in it'),
  }),
) {}

export class UserSettingsOutput extends createZodDto(
  z.object({
    language: z
      .enum(LANGUAGE_CODES)
      .nullable()
      .describe('Null until chosen: the desk follows the browser, mail is in English'),
    timeZone: z.string(),
    languages: z.array(z.enum(LANGUAGE_CODES)).describe('The languages you may choose'),
  }),
) {}

@ApiTags('me')
@ApiSignedIn()
@Controller('api/me')
export class MeSettingsController {
  constructor(@Inject(UserSettingsService) private readonly settings: UserSettingsService) {}

  @Get('settings')
  @ApiOperation({ summary: 'Your language and time zone' })
  @ApiOkResponse({ type: UserSettingsOutput })
  async get(@CurrentPrincipal() principal: Principal) {
    return { ...(await this.settings.get(principal)), languages: DESK_LANGUAGES };
  }

  @Put('settings')
  @ApiOperation({
    summary: 'Changes your language and/or time zone (a field left out stays as it is)',
  })
  @ApiOkResponse({ type: UserSettingsOutput })
  @ApiProblems(400, 422)
  async save(@CurrentPrincipal() principal: Principal, @Body() body: UserSettingsInput) {
    return { ...(await this.settings.save(principal, body)), languages: DESK_LANGUAGES };
  }
}
