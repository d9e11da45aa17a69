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
import { type AuthenticatedRequest, Public } from '../auth/auth.decorators';
import { AuthService } from '../auth/auth.service';
import { AppError } from '../common/app-error';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { DeskAnonymous, DeskGuard } from './desk.guard';
import { DeskExceptionFilter } from './desk-exception.filter';
import { LoginForm, fields } from './desk-forms';
import { i18n } from './desk-locale';
import type { Translator } from './i18n/desk-i18n';
import { DeskResponder, landingPage } from './desk-responder';
import { SESSION_COOKIE, clearSessionCookie, safeNext, setSessionCookie } from './desk-session';

/** Signing in and out of the desk. The session cookie carries AuthService's own token. */
@ApiExcludeController()
@Public()
@UseGuards(DeskGuard)
@UseFilters(DeskExceptionFilter)
@Controller('desk')
export class DeskAuthController {
  constructor(
    @Inject(AuthService) private readonly auth: AuthService,
    @Inject(DeskResponder) private readonly responder: DeskResponder,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('login')
  @DeskAnonymous()
  loginPage(
    @Req() request: AuthenticatedRequest,
    @Res() reply: FastifyReply,
    @Query('next') next?: unknown,
    @Query('expired') expired?: unknown,
  ): void {
    if (request.principal)
      return this.responder.seeOther(reply, safeNext(next) ?? landingPage(request.principal));
    this.responder.page(
      request,
      reply,
      'login',
      { next: safeNext(next), expired: expired === '1', email: '', loginError: null },
      { title: i18n(request).t('login.pageTitle') },
    );
  }

  @Post('login')
  @DeskAnonymous()
  async login(
    @Req() request: AuthenticatedRequest,
    @Res() reply: FastifyReply,
    @Body() body: unknown,
  ): Promise<void> {
    const parsed = LoginForm.safeParse(fields(body));
    const next = parsed.success ? safeNext(parsed.data.next) : null;
    try {
      if (!parsed.success || parsed.data.email === '' || parsed.data.password === '') {
        throw new AppError('UNAUTHENTICATED', i18n(request).t('login.missing'));
      }
      const { accessToken, principal } = await this.auth.login(
        parsed.data.email,
        parsed.data.password,
        request.ip,
      );
      setSessionCookie(reply, accessToken, this.config.JWT_TTL_SECONDS);
      this.responder.seeOther(reply, next ?? landingPage(principal));
    } catch (error) {
      if (
        !(error instanceof AppError) ||
        (error.code !== 'UNAUTHENTICATED' && error.code !== 'TOO_MANY_SIGN_IN_FAILURES')
      )
        throw error;
      const retryAfter = error.details.facts?.retryAfterSeconds;
      if (typeof retryAfter === 'number') void reply.header('Retry-After', String(retryAfter));
      this.responder.page(
        request,
        reply,
        'login',
        {
          next,
          expired: false,
          email: parsed.success ? parsed.data.email : '',
          loginError: loginError(error, i18n(request)),
        },
        { title: i18n(request).t('login.pageTitle'), status: error.status },
      );
    }
  }

  /** Ends the server-side session too: the old cookie (or its token as a Bearer) stops working. */
  @Post('logout')
  @DeskAnonymous()
  async logout(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply): Promise<void> {
    const token = request.cookies?.[SESSION_COOKIE];
    if (token) await this.auth.logout(token);
    clearSessionCookie(reply);
    this.responder.seeOther(reply, '/desk/login');
  }
}

/**
 * Why signing in failed, in the page's language. English keeps AuthService's own words; the
 * message of a form left empty is the page's already.
 */
function loginError(error: AppError, t: Translator): string {
  if (t.language === 'en') return error.message;
  if (error.code === 'TOO_MANY_SIGN_IN_FAILURES')
    return t.t('login.throttled', { seconds: Number(error.details.facts?.retryAfterSeconds ?? 0) });
  return error.message === t.t('login.missing') ? error.message : t.t('login.wrong');
}
