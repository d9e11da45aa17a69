import fastifyHelmet from '@fastify/helmet';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { buildProblem } from './problem-details';
import { sendProblem } from './problem-details.filter';

/**
 * Security headers on every response (HSTS, nosniff, referrer policy, frame and cross-origin
 * policies) from @fastify/helmet. Its Content-Security-Policy is left off: the desk sends its
 * own on every page (desk-responder.ts), and the Swagger UI at /api/docs needs its scripts.
 */
export async function registerSecurityHeaders(app: NestFastifyApplication): Promise<void> {
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: false,
    strictTransportSecurity: { maxAge: 365 * 24 * 3600, includeSubDomains: true },
    referrerPolicy: { policy: 'same-origin' },
  });
}

/**
 * While the service drains on SIGTERM, requests still arriving on open connections answer 503
 * as problem+json (fastify's own answer is a bare JSON object), with Connection: close so the
 * client goes to another replica.
 */
export function answerProblemWhileDraining(app: NestFastifyApplication): void {
  const fastify = app.getHttpAdapter().getInstance();
  let draining = false;
  fastify.addHook('preClose', (done) => {
    draining = true;
    done();
  });
  fastify.addHook('onRequest', (request, reply, done) => {
    if (!draining) return done();
    void reply.header('Connection', 'close').header('Retry-After', '1');
    sendProblem(
      reply,
      request,
      buildProblem(
        503,
        'SHUTTING_DOWN',
        'This instance is shutting down; send the request again.',
        {
          title: 'Service unavailable',
        },
      ),
    );
  });
}
