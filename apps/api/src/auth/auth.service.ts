import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AppError } from '../common/app-error';
import { hashForUnknownUser, verifyPassword } from './password-hasher';
import type { Principal } from './principal';
import { PrincipalRepository } from './principal.repository';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const unauthenticated = (detail: string): AppError =>
  new AppError('UNAUTHENTICATED', detail);

@Injectable()
export class AuthService {
  constructor(
    @Inject(PrincipalRepository) private readonly principals: PrincipalRepository,
    @Inject(JwtService) private readonly jwt: JwtService,
  ) {}

  async login(
    email: string,
    password: string,
  ): Promise<{ accessToken: string; principal: Principal }> {
    const found = await this.principals.findByEmail(email);
    const valid = await verifyPassword(
      found?.passwordHash ?? (await hashForUnknownUser()),
      password,
    );
    if (!found || !valid || !found.active) {
      throw unauthenticated('The e-mail address or the password is wrong.');
    }
    const { passwordHash: _hash, active: _active, ...principal } = found;
    const accessToken = await this.jwt.signAsync({ sub: principal.userId });
    return { accessToken, principal };
  }

  /** Roles are read on every request, so a revoked role stops working at once. */
  async authenticate(token: string): Promise<Principal> {
    let subject: unknown;
    try {
      subject = (await this.jwt.verifyAsync<{ sub?: unknown }>(token)).sub;
    } catch {
      throw unauthenticated('The access token is invalid or has expired. Sign in again.');
    }
    if (typeof subject !== 'string' || !UUID.test(subject)) {
      throw unauthenticated('The access token is invalid. Sign in again.');
    }
    const found = await this.principals.findById(subject);
    if (!found || !found.active)
      throw unauthenticated('This account no longer exists or is disabled.');
    const { passwordHash: _hash, active: _active, ...principal } = found;
    return principal;
  }
}
