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
import { DeskResponder, landingPage } from './desk-responder';
import { clearSessionCookie, safeNext, setSessionCookie } from './desk-session';

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
      {
        title: 'Sign in',
      },
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
        throw new AppError('UNAUTHENTICATED', 'Enter your e-mail address and your password.');
      }
      const { accessToken, principal } = await this.auth.login(
        parsed.data.email,
        parsed.data.password,
      );
      setSessionCookie(reply, accessToken, this.config.JWT_TTL_SECONDS);
      this.responder.seeOther(reply, next ?? landingPage(principal));
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'UNAUTHENTICATED') throw error;
      this.responder.page(
        request,
        reply,
        'login',
        {
          next,
          expired: false,
          email: parsed.success ? parsed.data.email : '',
          loginError: error.message,
        },
        { title: 'Sign in', status: 401 },
      );
    }
  }

  @Post('logout')
  @DeskAnonymous()
  logout(@Res() reply: FastifyReply): void {
    clearSessionCookie(reply);
    this.responder.seeOther(reply, '/desk/login');
  }
}
