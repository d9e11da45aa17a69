import {
  Body,
  Controller,
  Get,
  Inject,
  Post,
  Query,
  Req,
  Res,
  UseFilters,
  UseGuards,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { type AuthenticatedRequest, Public } from '../auth/auth.decorators';
import { UserSettingsService } from '../auth/use-cases/user-settings.service';
import { DeskAnonymous, DeskGuard } from './desk.guard';
import { DeskExceptionFilter } from './desk-exception.filter';
import { fields } from './desk-forms';
import { i18n, setLanguageCookie } from './desk-locale';
import { DeskResponder, landingPage } from './desk-responder';
import { safeReturn } from './desk-session';
import { formRefusal, type ProblemView } from './problem-view';
import { DESK_LANGUAGES, LANGUAGE_NAMES, isDeskLanguage, translator } from './i18n/desk-i18n';

const SettingsForm = z.object({
  language: z.string().max(16),
  timeZone: z.string().max(64),
});

/** The zones offered: every IANA zone the platform knows, UTC first. */
const TIME_ZONES = ['UTC', ...Intl.supportedValuesOf('timeZone').filter((zone) => zone !== 'UTC')];

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

  @Get('settings')
  async settingsPage(
    @Req() request: AuthenticatedRequest,
    @Res() reply: FastifyReply,
    @Query('done') done?: unknown,
  ): Promise<void> {
    await this.showSettings(request, reply, done === 'saved', null, null);
  }

  /** Saves both settings; a refused value shows the page again with the refusal. */
  @Post('settings')
  async saveSettings(
    @Req() request: AuthenticatedRequest,
    @Res() reply: FastifyReply,
    @Body() body: unknown,
  ): Promise<void> {
    const sent = SettingsForm.safeParse(fields(body));
    try {
      const form = SettingsForm.parse(fields(body));
      const saved = await this.settings.save(request.principal!, form);
      if (isDeskLanguage(saved.language)) setLanguageCookie(reply, saved.language);
    } catch (error) {
      const problem = formRefusal(error, request);
      return this.showSettings(request, reply, false, problem, sent.success ? sent.data : null);
    }
    this.responder.seeOther(reply, '/desk/settings?done=saved');
  }

  private async showSettings(
    request: AuthenticatedRequest,
    reply: FastifyReply,
    saved: boolean,
    problem: ProblemView | null,
    sent: { language: string; timeZone: string } | null,
  ): Promise<void> {
    const t = i18n(request);
    const current = await this.settings.get(request.principal!);
    const language = sent?.language ?? current.language ?? t.language;
    const timeZone = sent?.timeZone ?? current.timeZone;
    this.responder.page(
      request,
      reply,
      'settings',
      {
        languages: DESK_LANGUAGES.map((code) => ({
          code,
          name: LANGUAGE_NAMES[code],
          selected: code === language,
        })),
        timeZones: TIME_ZONES.map((zone) => ({ value: zone, selected: zone === timeZone })),
        now: translator(t.language, current.timeZone).instant(new Date()),
      },
      {
        title: t.t('settings.pageTitle'),
        section: 'settings',
        notice: saved ? t.t('settings.saved') : null,
        problem,
        status: problem?.status ?? 200,
      },
    );
  }
}
