import {
  type CallHandler,
  type ExecutionContext,
  Inject,
  Injectable,
  Logger,
  type NestInterceptor,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';
import { type Observable, of } from 'rxjs';
import type { AuthenticatedRequest } from '../auth/auth.decorators';
import { AppError } from '../common/app-error';
import { loggableError } from '../common/database-errors';
import { IdempotencyRepository } from '@chancery/persistence';

const HEADER = 'idempotency-key';
const KEY = /^[\x21-\x7e]{1,255}$/;
/** Headers of the first answer that a replay repeats. */
const REPLAYED_HEADERS = ['content-type', 'etag', 'location'];
const CLAIM = Symbol('idempotency-claim');

type ClaimedRequest = FastifyRequest & { [CLAIM]?: { userId: string; key: string } };

function requestHash(request: FastifyRequest): string {
  return createHash('sha256')
    .update(`${request.method} ${request.url}\n${JSON.stringify(request.body ?? null)}`)
    .digest('hex');
}

/**
 * `Idempotency-Key` on the API's POSTs: the first request with a key is applied and its answer
 * stored; the same key with the same request answers that answer again without applying
 * anything; with another request, 422. While the first is still running, 409. Only successful
 * answers are kept: a refused request applied nothing, so its retry runs again.
 */
@Injectable()
export class IdempotencyInterceptor
  implements NestInterceptor, OnApplicationBootstrap, OnApplicationShutdown
{
  private janitor: NodeJS.Timeout | undefined;

  constructor(@Inject(IdempotencyRepository) private readonly keys: IdempotencyRepository) {}

  onApplicationBootstrap(): void {
    const purge = () => void this.keys.purgeExpired().catch(() => undefined);
    purge();
    this.janitor = setInterval(purge, 60 * 60 * 1000).unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.janitor);
  }

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest & ClaimedRequest>();
    const offered = request.headers[HEADER];
    if (request.method !== 'POST' || offered === undefined || !request.url.startsWith('/api/'))
      return next.handle();
    if (typeof offered !== 'string' || !KEY.test(offered)) {
      throw new AppError(
        'IDEMPOTENCY_KEY_INVALID',
        'Idempotency-Key must be 1 to 255 visible ASCII characters (a UUID is a good choice).',
        { field: 'Idempotency-Key' },
      );
    }
    const principal = request.principal;
    if (!principal) return next.handle();
    const hash = requestHash(request);
    if (await this.keys.claim(principal.userId, offered, hash)) {
      request[CLAIM] = { userId: principal.userId, key: offered };
      return next.handle();
    }
    const stored = await this.keys.find(principal.userId, offered);
    if (stored && stored.requestHash !== hash) {
      throw new AppError(
        'IDEMPOTENCY_KEY_REUSED',
        'This Idempotency-Key was already used for another request. Use a new key for a new request.',
        { field: 'Idempotency-Key' },
      );
    }
    if (!stored || stored.statusCode === null) {
      throw new AppError(
        'IDEMPOTENCY_KEY_IN_USE',
        'A request with this Idempotency-Key is still being answered. Try again in a moment.',
        { field: 'Idempotency-Key', facts: { retryAfterSeconds: 1 } },
      );
    }
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    void reply
      .status(stored.statusCode)
      .headers(stored.headers)
      .header('Idempotent-Replayed', 'true');
    return of(stored.body ?? undefined);
  }
}

/**
 * Stores the answer of a claimed request as it is sent (problem+json included, whatever
 * produced it), or frees the key when the answer is an error.
 */
export function storeIdempotentAnswers(fastify: FastifyInstance, keys: IdempotencyRepository) {
  const logger = new Logger('Idempotency');
  fastify.addHook('onSend', async (request: ClaimedRequest, reply, payload) => {
    const claim = request[CLAIM];
    if (!claim) return payload;
    delete request[CLAIM];
    try {
      if (reply.statusCode >= 400) {
        await keys.release(claim.userId, claim.key);
      } else {
        const headers: Record<string, string> = {};
        for (const name of REPLAYED_HEADERS) {
          const value = reply.getHeader(name);
          if (value !== undefined) headers[name] = String(value);
        }
        await keys.complete(claim.userId, claim.key, {
          statusCode: reply.statusCode,
          headers,
          body: typeof payload === 'string' ? payload : null,
        });
      }
    } catch (error) {
      logger.error({ err: loggableError(error) }, 'an idempotent answer could not be stored');
    }
    return payload;
  });
}
