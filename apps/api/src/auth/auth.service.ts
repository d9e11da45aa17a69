import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AppError } from '../common/app-error';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { hashForUnknownUser, verifyPassword } from './password-hasher';
import type { Principal } from './principal';
import { PrincipalRepository } from './principal.repository';
import { SessionRepository } from '@chancery/persistence';
import { SignInThrottle } from './sign-in-throttle';

interface TokenClaims {
  sub?: unknown;
  jti?: unknown;
  exp?: unknown;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const unauthenticated = (detail: string): AppError =>
  new AppError('UNAUTHENTICATED', detail);

@Injectable()
export class AuthService {
  constructor(
    @Inject(PrincipalRepository) private readonly principals: PrincipalRepository,
    @Inject(JwtService) private readonly jwt: JwtService,
    @Inject(SessionRepository) private readonly sessions: SessionRepository,
    @Inject(SignInThrottle) private readonly throttle: SignInThrottle,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** `address` is the client's (behind a proxy, as TRUST_PROXY lets fastify read it). */
  async login(
    email: string,
    password: string,
    address: string,
  ): Promise<{ accessToken: string; principal: Principal }> {
    const account = email.trim().toLowerCase();
    this.throttle.assertAllowed(account, address);
    const found = await this.principals.findByEmail(account);
    const valid = await verifyPassword(
      found?.passwordHash ?? (await hashForUnknownUser()),
      password,
    );
    if (!found || !valid || !found.active) {
      await this.throttle.failed(account, address, found?.userId ?? null);
      throw unauthenticated('The e-mail address or the password is wrong.');
    }
    const { passwordHash: _hash, active: _active, sessionOpen: _open, ...principal } = found;
    const sessionId = await this.sessions.open(principal.userId, this.config.JWT_TTL_SECONDS);
    const accessToken = await this.jwt.signAsync({ sub: principal.userId }, { jwtid: sessionId });
    return { accessToken, principal };
  }

  /** Ends the session a token names (signing out); a token that does not verify ends nothing. */
  async logout(token: string): Promise<void> {
    const claims = await this.verify(token).catch(() => null);
    if (claims) await this.sessions.revoke(claims.sessionId);
  }

  private async verify(token: string): Promise<{ userId: string; sessionId: string }> {
    let claims: TokenClaims;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims>(token);
    } catch {
      throw unauthenticated('The access token is invalid or has expired. Sign in again.');
    }
    // A token without an expiry or a session would never end: refused, even if signed by us.
    if (
      typeof claims.sub !== 'string' ||
      !UUID.test(claims.sub) ||
      typeof claims.jti !== 'string' ||
      !UUID.test(claims.jti) ||
      typeof claims.exp !== 'number'
    ) {
      throw unauthenticated('The access token is invalid. Sign in again.');
    }
    return { userId: claims.sub, sessionId: claims.jti };
  }

  /**
   * The token's session must still be open (sign-out, a password change or a disabled account
   * end it), and roles are read on every request, so a revoked role stops working at once.
   */
  async authenticate(token: string): Promise<Principal> {
    const { userId, sessionId } = await this.verify(token);
    const found = await this.principals.findInSession(userId, sessionId);
    // A session belongs to its user (foreign key): no user means no session either.
    if (!found?.sessionOpen)
      throw unauthenticated(
        'This session has ended (signed out, or the password changed). Sign in again.',
      );
    if (!found.active) throw unauthenticated('This account no longer exists or is disabled.');
    const { passwordHash: _hash, active: _active, sessionOpen: _open, ...principal } = found;
    return principal;
  }
}
