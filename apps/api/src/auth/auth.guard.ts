import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '@chancery/domain';
import { AppError } from '../common/app-error';
import { type AuthenticatedRequest, PUBLIC_ROUTE, REQUIRED_ROLES } from './auth.decorators';
import { AuthService, unauthenticated } from './auth.service';

/** Every route is closed unless marked @Public(); roles are checked here, on the server. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(AuthService) private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    if (!request.principal) {
      const header = request.headers.authorization;
      const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
      if (!match)
        throw unauthenticated(
          'Sign in first: send "Authorization: Bearer <accessToken>" from POST /api/auth/login.',
        );
      request.principal = await this.auth.authenticate(match[1]);
    }
    const required = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets);
    if (required && !required.some((role) => request.principal!.roles.includes(role))) {
      throw new AppError('ROLE_REQUIRED', `This needs the role ${required.join(' or ')}.`, {
        facts: { requiredRoles: required, yourRoles: request.principal.roles },
      });
    }
    return true;
  }
}
