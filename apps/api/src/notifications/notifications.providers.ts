import type { Provider } from '@nestjs/common';
import { NOTICE_KINDS } from '@chancery/domain';
import { MailTemplateRegistry } from '@chancery/documents';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { DeskEventLog, NoticeRepository } from '@chancery/persistence';
import { EventHub } from '../live/event-hub';
import { PgListener } from '../live/pg-listener';
import { DraftAnnouncer } from './draft-announcer';
import { MAIL_TEMPLATES, MailDeliverer } from './mail-deliverer';
import { NoticeOutbox } from './notice-outbox';
import { NoticesService } from './notices.service';

/** The outbox, mail delivery and the live desk's events (APP_CONFIG and DataSource are the app's). */
export function notificationsProviders(): Provider[] {
  return [
    {
      provide: MAIL_TEMPLATES,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) =>
        MailTemplateRegistry.load(NOTICE_KINDS, config.TEMPLATES_DIR ?? undefined),
    },
    { provide: NoticeRepository, useValue: new NoticeRepository() },
    NoticeOutbox,
    DraftAnnouncer,
    NoticesService,
    MailDeliverer,
    PgListener,
    { provide: DeskEventLog, useValue: new DeskEventLog() },
    EventHub,
  ];
}
