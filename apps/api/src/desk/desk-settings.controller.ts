import { Body, Controller, Inject, Post, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { type AuthenticatedRequest, Public } from '../auth/auth.decorators';
import { UserSettingsService } from '../auth/use-cases/user-settings.service';
import { DeskAnonymous, DeskGuard } from './desk.guard';
import { DeskExceptionFilter } from './desk-exception.filter';
import { fields } from './desk-forms';
import { setLanguageCookie } from './desk-locale';
import { DeskResponder, landingPage } from './desk-responder';
import { safeReturn } from './desk-session';
import { isDeskLanguage } from './i18n/desk-i18n';

const LanguageForm = z.object({
  language: z.string().max(16),
  returnTo: z.string().max(500).optional(),
});

/** The header's language switch, and the official's own settings. */
@ApiExcludeController()
@Public()
@UseGuards(DeskGuard)
@UseFilters(DeskExceptionFilter)
@Controller('desk')
export class DeskSettingsController {
  constructor(
    @Inject(UserSettingsService) private readonly settings: UserSettingsService,
    @Inject(DeskResponder) private readonly responder: DeskResponder,
  ) {}

  /**
   * Signed in, the choice is the user's (kept for the desk and for mail); before signing in,
   * a cookie keeps it. The cookie is set in both cases so that the sign-in page after signing
   * out stays in the same language. Then back to the page the switch was on.
   */
  @Post('language')
  @DeskAnonymous()
  async switchLanguage(
    @Req() request: AuthenticatedRequest,
    @Res() reply: FastifyReply,
    @Body() body: unknown,
  ): Promise<void> {
    const parsed = LanguageForm.safeParse(fields(body));
    const back =
      (parsed.success && safeReturn(parsed.data.returnTo)) ||
      (request.principal ? landingPage(request.principal) : '/desk/login');
    if (parsed.success && isDeskLanguage(parsed.data.language)) {
      if (request.principal)
        await this.settings.save(request.principal, { language: parsed.data.language });
      setLanguageCookie(reply, parsed.data.language);
    }
    this.responder.seeOther(reply, back);
  }
}
