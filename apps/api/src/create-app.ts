import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { useAuditKey, IdempotencyRepository } from '@chancery/persistence';
import { Logger } from 'nestjs-pino';
import { cleanupOpenApiDoc } from 'nestjs-zod';
import { AppModule, type AppModuleOptions } from './app.module';
import { answerProblemWhileDraining, registerSecurityHeaders } from './common/security-plugins';
import { registerDeskPlugins } from './desk/desk-plugins';
import { registerWordUpload } from './word-upload/word-upload';
import { storeIdempotentAnswers } from './idempotency/idempotency.interceptor';

/** Builds the HTTP application around an open database; main.ts and the tests share it. */
export async function createApp(options: AppModuleOptions): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: options.config.BODY_LIMIT_BYTES,
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    // The client's address (sign-in throttling, logs) from X-Forwarded-For only behind a proxy.
    trustProxy: options.config.TRUST_PROXY,
    // While draining, our own hook answers problem+json instead of fastify's bare 503.
    return503OnClosing: false,
    genReqId: (request: IncomingMessage) => {
      const offered = request.headers['x-request-id'];
      return typeof offered === 'string' && /^[\w.-]{1,64}$/.test(offered) ? offered : randomUUID();
    },
  });
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.register(options),
    adapter,
    {
      bufferLogs: true,
    },
  );
  app.useLogger(app.get(Logger));
  // The API speaks JSON only: plain text bodies answer 415 instead of failing validation.
  app.getHttpAdapter().getInstance().removeContentTypeParser('text/plain');
  if (options.auditKey) useAuditKey(options.dataSource, options.auditKey);
  answerProblemWhileDraining(app);
  storeIdempotentAnswers(app.getHttpAdapter().getInstance(), app.get(IdempotencyRepository));
  await registerSecurityHeaders(app);
  await registerDeskPlugins(app);
  await registerWordUpload(app);

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Chancery API')
      .setDescription(
        'Drafting and approval desk of a multilateral forum: meetings and agendas, drafts and their revisions, ' +
          "member states' positions, consensus, adoption, and the meeting's Word documents. " +
          'Errors are RFC 9457 problem+json. Writes on a draft carry If-Match with its ETag.',
      )
      .setVersion('0.1.0')
      // Zod's schemas use JSON Schema 2020-12 (type arrays for nullable fields): 3.1 says so.
      .setOpenAPIVersion('3.1.0')
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
      .build(),
  );
  SwaggerModule.setup('api/docs', app, cleanupOpenApiDoc(document, { version: '3.1' }), {
    jsonDocumentUrl: 'api/docs-json',
  });
  await app.init();
  return app;
}
