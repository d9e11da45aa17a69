import { type ArgumentsHost, Catch, type ExceptionFilter, Inject, Logger } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { AuthenticatedRequest } from '../auth/auth.decorators';
import { AppError } from '../common/app-error';
import { loggableError } from '../common/database-errors';
import { toProblem } from '../common/problem-details.filter';
import { SignInRequired } from './desk.guard';
import { clearSessionCookie } from './desk-session';
import { DeskResponder } from './desk-responder';
import { i18n } from './desk-locale';
import { problemView } from './problem-view';

/**
 * Desk errors are pages, not problem+json: the same problem (toProblem) with its status,
 * title, detail and facts, in the desk's layout. A missing or expired session goes to the
 * sign-in page instead.
 */
@Catch()
export class DeskExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Desk');

  constructor(@Inject(DeskResponder) private readonly responder: DeskResponder) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<AuthenticatedRequest>();
    const reply = http.getResponse<FastifyReply>();
    if (exception instanceof SignInRequired) {
      if (exception.expired) clearSessionCookie(reply);
      const query = new URLSearchParams();
      if (exception.returnTo) query.set('next', exception.returnTo);
      if (exception.expired) query.set('expired', '1');
      const search = query.toString();
      this.responder.seeOther(reply, `/desk/login${search ? `?${search}` : ''}`);
      return;
    }
    const problem = toProblem(exception);
    problem.instance = request.url;
    problem.correlationId = String(request.id);
    // An AppError is a refusal the application chose (503 RENDERING_BUSY under load): not an incident.
    if (problem.status >= 500 && !(exception instanceof AppError))
      this.logger.error(
        { err: loggableError(exception), correlationId: request.id },
        'Unhandled error on a desk page',
      );
    try {
      const view = problemView(problem, i18n(request));
      this.responder.page(
        request,
        reply,
        'error',
        { error: view },
        {
          title: view.title,
          status: problem.status,
        },
      );
    } catch (renderError) {
      // The error page itself failed: answer plainly rather than loop.
      this.logger.error(
        { err: renderError, correlationId: request.id },
        'The desk error page could not be rendered',
      );
      void reply
        .status(problem.status)
        .type('text/plain; charset=utf-8')
        .send(`${problem.title}: ${problem.detail}`);
    }
  }
}
