import { Inject, Injectable, Logger } from '@nestjs/common';
import { ThrottlerStorageService } from '@nestjs/throttler';
import { AppError } from '../common/app-error';
import { APP_CONFIG, type AppConfig } from '../config/config';

interface Tier {
  name: string;
  limit: number;
  windowMs: number;
  blockMs: number;
}

const MINUTE = 60_000;

/**
 * Failed sign-ins are counted per account and per client address (@nestjs/throttler's storage,
 * with its block durations); successful ones are not, so a conference signing in behind one
 * NAT is never slowed. Each tier allows more failures over a longer window and blocks for
 * longer, so the back-off grows the longer guessing goes on.
 */
@Injectable()
export class SignInThrottle {
  private readonly logger = new Logger('SignIn');
  private readonly tiers: Record<'account' | 'address', Tier[]>;

  constructor(
    @Inject(ThrottlerStorageService) private readonly storage: ThrottlerStorageService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    const block = config.SIGN_IN_BLOCK_SECONDS * 1000;
    const perAccount = config.SIGN_IN_FAILURES_PER_ACCOUNT;
    const perAddress = config.SIGN_IN_FAILURES_PER_ADDRESS;
    this.tiers = {
      account: [
        { name: 'short', limit: perAccount, windowMs: 15 * MINUTE, blockMs: block },
        { name: 'hour', limit: perAccount * 2, windowMs: 60 * MINUTE, blockMs: block * 10 },
        { name: 'day', limit: perAccount * 4, windowMs: 24 * 60 * MINUTE, blockMs: block * 60 },
      ],
      address: [
        { name: 'short', limit: perAddress, windowMs: 15 * MINUTE, blockMs: block },
        { name: 'day', limit: perAddress * 4, windowMs: 24 * 60 * MINUTE, blockMs: block * 30 },
      ],
    };
  }

  private keys(email: string, address: string) {
    return [
      ...this.tiers.account.map((tier) => ({ key: `account:${email}:${tier.name}`, tier })),
      ...this.tiers.address.map((tier) => ({ key: `address:${address}:${tier.name}`, tier })),
    ];
  }

  /** Refuses (429) while the account or the address is blocked; the password is not even tried. */
  assertAllowed(email: string, address: string, now = Date.now()): void {
    const blockedUntil = Math.max(
      0,
      ...this.keys(email, address).map(({ key }) => {
        const record = this.storage.storage.get(key);
        return record?.isBlocked && record.blockExpiresAt > now ? record.blockExpiresAt : 0;
      }),
    );
    if (blockedUntil > now) {
      const retryAfterSeconds = Math.ceil((blockedUntil - now) / 1000);
      throw new AppError(
        'TOO_MANY_SIGN_IN_FAILURES',
        `Too many failed sign-ins for this account or from this address. Try again in ${retryAfterSeconds} s.`,
        { facts: { retryAfterSeconds } },
      );
    }
  }

  async failed(email: string, address: string, userId: string | null): Promise<void> {
    for (const { key, tier } of this.keys(email, address)) {
      const wasBlocked = this.storage.storage.get(key)?.isBlocked === true;
      const record = await this.storage.increment(
        key,
        tier.windowMs,
        // The storage blocks on the hit after `limit`: the limit-th failure blocks the next try.
        tier.limit - 1,
        tier.blockMs,
        tier.name,
      );
      if (record.isBlocked && !wasBlocked) {
        this.logger.warn(
          {
            on: key.startsWith('account:') ? 'account' : 'address',
            userId,
            address,
            tier: tier.name,
            failures: record.totalHits,
            blockedSeconds: record.timeToBlockExpire,
          },
          'repeated failed sign-ins: blocked',
        );
      }
    }
  }
}
