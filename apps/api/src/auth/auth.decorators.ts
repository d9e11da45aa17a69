import { type ExecutionContext, SetMetadata, createParamDecorator } from '@nestjs/common';
import type { Role } from '@chancery/domain';
import type { FastifyRequest } from 'fastify';
import type { Principal } from './principal';

export const PUBLIC_ROUTE = 'chancery:public';
export const REQUIRED_ROLES = 'chancery:roles';

/** Reachable without signing in (login, health, docs). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_ROUTE, true);

/** The caller needs at least one of these roles; checked on the server for every request. */
export const RequireRoles = (...roles: Role[]): MethodDecorator & ClassDecorator =>
  SetMetadata(REQUIRED_ROLES, roles);

export type AuthenticatedRequest = FastifyRequest & { principal?: Principal };

export const CurrentPrincipal = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Principal => {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    if (!request.principal) throw new Error('CurrentPrincipal used on a public route');
    return request.principal;
  },
);
