import type { Provider } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { MeetingPacksService } from './meeting-packs.service';
import { PackBuilder } from './pack-builder';
import { PdfConverter } from './pdf-converter';

/** The meeting pack: its requests and views, its job, and LibreOffice behind a cap. */
export function packsProviders(): Provider[] {
  return [
    {
      provide: PdfConverter,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) =>
        new PdfConverter({
          command: config.LIBREOFFICE_PATH === 'off' ? null : config.LIBREOFFICE_PATH,
          concurrency: config.PDF_CONCURRENCY,
          timeoutPerFileMs: config.PDF_TIMEOUT_PER_FILE_MS,
          attempts: config.PDF_ATTEMPTS,
        }),
    },
    MeetingPacksService,
    PackBuilder,
  ];
}
