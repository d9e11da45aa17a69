import {
  type CanActivate,
  type ExecutionContext,
  Inject,
  Injectable,
  SetMetadata,
} from '@nestjs/common';
import { HttpAdapterHost, Reflector } from '@nestjs/core';
import type { Role } from '@chancery/domain';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type AuthenticatedRequest, REQUIRED_ROLES } from '../auth/auth.decorators';
import { AuthService } from '../auth/auth.service';
import { AppError } from '../common/app-error';
import { SESSION_COOKIE } from './desk-session';

const DESK_ANONYMOUS = 'chancery:desk-anonymous';
const DESK_UPLOAD = 'chancery:desk-upload';

/** A desk page open before signing in (the sign-in page itself). CSRF is still checked. */
export const DeskAnonymous = (): MethodDecorator => SetMetadata(DESK_ANONYMOUS, true);

/** Not signed in, or the session has expired: the filter sends the official to the sign-in page. */
/**
 * A form posted as multipart/form-data (a file upload): its CSRF token is a part of the body,
 * which only the route reads, so the route checks it (verifyUploadCsrf) once the official is
 * known to be signed in and allowed.
 */
export const DeskUpload = (): MethodDecorator => SetMetadata(DESK_UPLOAD, true);

export class SignInRequired extends Error {
  constructor(
    readonly returnTo: string | null,
    readonly expired: boolean,
  ) {
    super('Sign in to use the desk.');
    this.name = 'SignInRequired';
  }
}

export const csrfRefused = (): AppError =>
  new AppError(
    'CSRF_TOKEN_INVALID',
    'This form was not sent from a page of Chancery, or the page is too old. Go back, reload the page and send the form again.',
  );

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The desk's own gate (its routes are @Public for the API's bearer guard): a form post must
 * carry a valid CSRF token, the session cookie must hold a valid token, and the official
 * must have one of the roles the route requires — on every request, pages and posts alike.
 */
@Injectable()
export class DeskGuard implements CanActivate {
  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(AuthService) private readonly auth: AuthService,
    @Inject(HttpAdapterHost) private readonly adapterHost: HttpAdapterHost,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const http = context.switchToHttp();
    const request = http.getRequest<AuthenticatedRequest>();
    const targets = [context.getHandler(), context.getClass()];
    const upload = this.reflector.getAllAndOverride<boolean>(DESK_UPLOAD, targets);
    if (!SAFE_METHODS.has(request.method) && !upload) await this.verifyCsrf(request);

    const token = request.cookies?.[SESSION_COOKIE];
    if (token) {
      try {
        request.principal = await this.auth.authenticate(token);
      } catch (error) {
        if (this.reflector.getAllAndOverride<boolean>(DESK_ANONYMOUS, targets)) return true;
        if (error instanceof AppError && error.code === 'UNAUTHENTICATED')
          throw new SignInRequired(returnTo(request), true);
        throw error;
      }
    }
    if (this.reflector.getAllAndOverride<boolean>(DESK_ANONYMOUS, targets)) return true;
    if (!request.principal) throw new SignInRequired(returnTo(request), false);

    const required = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets);
    if (required && !required.some((role) => request.principal!.roles.includes(role))) {
      throw new AppError('ROLE_REQUIRED', `This page is for the ${required.join(' or ')}.`, {
        facts: { requiredRoles: required, yourRoles: request.principal.roles },
      });
    }
    return true;
  }

  /** The CSRF check of a @DeskUpload route, with the token its form sent. */
  verifyUploadCsrf(request: FastifyRequest, token: string | undefined): Promise<void> {
    request.body = { _csrf: token };
    return this.verifyCsrf(request);
  }

  /**
   * @fastify/csrf-protection's check is written as a fastify hook that answers a refusal
   * itself (reply.send(error)). The desk wants the refusal as an exception, to render it as
   * a page, so the hook is handed a reply that only captures what it would send.
   */
  private verifyCsrf(request: FastifyRequest): Promise<void> {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    return new Promise((resolve, reject) => {
      const capture = { send: () => reject(csrfRefused()) } as unknown as FastifyReply;
      fastify.csrfProtection(request, capture, () => resolve());
    });
  }
}

/** A page to come back to after signing in; a refused post comes back to nothing. */
function returnTo(request: FastifyRequest): string | null {
  return request.method === 'GET' ? request.url : null;
}
