import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { DatabaseOutageLog, isDatabaseUnavailable, loggableError } from '../common/database-errors';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { ConcludeSilenceService } from './use-cases/conclude-silence.service';

/**
 * Every replica polls for silence procedures whose deadline has passed; the service makes
 * sure each is concluded once. Polling PostgreSQL keeps the service stateless: no timer
 * holds a deadline that a restart would lose.
 */
@Injectable()
export class SilenceScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SilenceScheduler.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    @Inject(ConcludeSilenceService) private readonly concludeSilence: ConcludeSilenceService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DatabaseOutageLog) private readonly outage: DatabaseOutageLog,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.tick(), this.config.JOB_POLL_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  private tick(): void {
    if (this.running) return;
    this.running = this.concludeSilence
      .execute()
      .then((count) => {
        if (count > 0) this.logger.log(`concluded ${count} silence procedure(s)`);
      })
      .catch((error: unknown) => {
        // An outage is logged once, by the outage log, not once per poll.
        if (isDatabaseUnavailable(error)) this.outage.refused(error);
        else
          this.logger.error(
            { err: loggableError(error) },
            'silence procedures could not be concluded; will retry',
          );
      })
      .finally(() => {
        this.running = null;
      });
  }
}
