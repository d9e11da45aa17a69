import { type AuditRecord, appendAudits } from '@chancery/persistence';
import type { DataSource } from 'typeorm';

/** Entries written in one transaction at most; a longer queue takes several. */
const BATCH = 200;

/**
 * Writes the audit entries of document deliveries, many per transaction. The audit chain takes
 * one lock per transaction, so 50 downloads audited one by one queue 50 transactions behind it,
 * each holding a pooled connection while it waits: the pool runs dry and even /health waits.
 * Here one transaction at a time per process writes whatever has queued since the last one;
 * each caller still hears when its own entry is committed (or why it was not).
 */
export class DeliveryAudit {
  private queue: { record: AuditRecord; done: (error?: Error) => void }[] = [];
  private flushing = false;

  constructor(private readonly dataSource: DataSource) {}

  write(record: AuditRecord): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ record, done: (error) => (error ? reject(error) : resolve()) });
      if (!this.flushing) void this.flush();
    });
  }

  private async flush(): Promise<void> {
    this.flushing = true;
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, BATCH);
        try {
          await this.dataSource.transaction((manager) =>
            appendAudits(
              manager,
              batch.map((entry) => entry.record),
            ),
          );
          for (const entry of batch) entry.done();
        } catch (error) {
          const failure = error instanceof Error ? error : new Error(String(error));
          for (const entry of batch) entry.done(failure);
        }
      }
    } finally {
      this.flushing = false;
    }
  }
}
