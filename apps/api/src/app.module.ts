import { createSecretKey } from 'node:crypto';
import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { ThrottlerStorageService } from '@nestjs/throttler';
import { LoggerModule } from 'nestjs-pino';
import { ZodValidationPipe } from 'nestjs-zod';
import { DataSource } from 'typeorm';
import { AmendmentsController } from './amendments/amendments.controller';
import { AuthController } from './auth/auth.controller';
import { AuthGuard } from './auth/auth.guard';
import { AuthService } from './auth/auth.service';
import { MeSettingsController } from './auth/me-settings.controller';
import { PrincipalRepository } from './auth/principal.repository';
import { SessionRepository, IdempotencyRepository } from '@chancery/persistence';
import { SignInThrottle } from './auth/sign-in-throttle';
import { DatabaseOutageLog } from './common/database-errors';
import { ProblemDetailsFilter } from './common/problem-details.filter';
import { TextSafetyPipe } from './common/text-safety.pipe';
import { APP_CONFIG, type AppConfig } from './config/config';
import { databaseProviders } from './database/database.providers';
import { DESK_CONTROLLERS, DESK_PROVIDERS } from './desk/desk';
import type { Clock } from './application/clock';
import { DraftsController } from './drafts/drafts.controller';
import { draftsProviders } from './drafts/drafts.providers';
import { RevisionImportController } from './drafts/revision-import.controller';
import { RevisionImportService } from './drafts/revision-import.service';
import { AmendmentImportService } from './amendments/amendment-import.service';
import { WordReader } from './word-upload/word-reader';
import { SilenceDeadlineWorker } from './drafts/silence-deadline-worker';
import { DocumentsController } from './documents/documents.controller';
import { DocumentsService } from './documents/documents.service';
import { HealthController } from './health/health.controller';
import { HealthDatabase } from './health/health-database';
import { IdempotencyInterceptor } from './idempotency/idempotency.interceptor';
import { EventsController } from './live/events.controller';
import { MeetingsController } from './meetings/meetings.controller';
import { MeetingsService } from './meetings/meetings.service';
import { MeController } from './notifications/me.controller';
import { notificationsProviders } from './notifications/notifications.providers';
import { PacksController } from './packs/packs.controller';
import { packsProviders } from './packs/packs.providers';
import { ReferenceController } from './reference/reference.controller';
import { TranslationsController } from './translations/translations.controller';
import { ReferenceService } from './reference/reference.service';

export interface AppModuleOptions {
  config: AppConfig;
  jwtSecret: string;
  /** Key of the audit chain's checkpoints (AUDIT_KEY); kept out of the database. */
  auditKey?: string;
  dataSource: DataSource;
  /** Where the JSON logs go (standard output by default). */
  logStream?: NodeJS.WritableStream;
  engine: 'server' | 'embedded';
  /** The system clock unless a test moves time itself. */
  clock?: Clock;
}

@Module({})
export class AppModule {
  static register(options: AppModuleOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            level: options.config.LOG_LEVEL,
            // Never log credentials, even at debug level.
            redact: [
              'req.headers.authorization',
              'req.headers.cookie',
              'res.headers["set-cookie"]',
            ],
            autoLogging: { ignore: (request) => request.url === '/health' },
            ...(options.logStream && { stream: options.logStream }),
          },
        }),
        JwtModule.register({
          // A key object, not the string: given a string, jsonwebtoken first tries to read it as
          // a PEM public key on every verify, and that failed attempt cost ~0.8 ms of the main
          // thread per authenticated request (against ~0.03 ms with the key object).
          secret: createSecretKey(Buffer.from(options.jwtSecret)),
          signOptions: {
            algorithm: 'HS256',
            expiresIn: options.config.JWT_TTL_SECONDS,
            issuer: 'chancery',
          },
          // Pin the algorithm on verify: a token may not choose how it is checked.
          verifyOptions: { algorithms: ['HS256'], issuer: 'chancery' },
        }),
      ],
      controllers: [
        AuthController,
        HealthController,
        ReferenceController,
        MeetingsController,
        DraftsController,
        RevisionImportController,
        AmendmentsController,
        DocumentsController,
        TranslationsController,
        MeController,
        MeSettingsController,
        EventsController,
        PacksController,
        ...DESK_CONTROLLERS,
      ],
      providers: [
        ...databaseProviders(options.dataSource, options.engine),
        { provide: APP_CONFIG, useValue: options.config },
        { provide: APP_PIPE, useClass: TextSafetyPipe },
        { provide: APP_PIPE, useClass: ZodValidationPipe },
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
        {
          provide: IdempotencyRepository,
          inject: [DataSource],
          useFactory: (dataSource: DataSource) => new IdempotencyRepository(dataSource),
        },
        DatabaseOutageLog,
        HealthDatabase,
        PrincipalRepository,
        {
          provide: SessionRepository,
          inject: [DataSource],
          useFactory: (dataSource: DataSource) => new SessionRepository(dataSource),
        },
        SignInThrottle,
        ThrottlerStorageService,
        AuthService,
        ReferenceService,
        MeetingsService,
        ...draftsProviders(options.clock),
        WordReader,
        RevisionImportService,
        AmendmentImportService,
        SilenceDeadlineWorker,
        DocumentsService,
        ...packsProviders(),
        ...notificationsProviders(),
        ...DESK_PROVIDERS,
      ],
    };
  }
}
