import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DESK_EVENTS_CHANNEL, type DeskEvent, DeskEventLog } from '@chancery/persistence';
import { PgListener } from './pg-listener';

type Subscriber = (event: DeskEvent) => void;

/** Ids remembered to drop an event heard twice (live, then again when catching up). */
const SEEN_MAX = 2000;
/** How long events are kept for pages that reconnect. */
const RETENTION_MS = 24 * 3600 * 1000;
const PRUNE_EVERY_MS = 3600 * 1000;
const CATCH_UP_LIMIT = 1000;

/**
 * This instance's end of the live desk: hears every committed desk event through LISTEN
 * (whichever replica made the change) and hands it to the open streams. After the LISTEN
 * connection comes back it reads what was stored meanwhile, so no stream misses an event.
 */
@Injectable()
export class EventHub implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(EventHub.name);
  private readonly subscribers = new Set<Subscriber>();
  private readonly closers = new Set<() => void>();
  private readonly seen = new Set<string>();
  private lastId = '0';
  private pruneTimer: NodeJS.Timeout | null = null;

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(DeskEventLog) private readonly log: DeskEventLog,
    @Inject(PgListener) private readonly listener: PgListener,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.lastId = await this.log.latestId(this.dataSource.manager);
    this.listener.onReconnect(() => void this.catchUp());
    await this.listener.listen(DESK_EVENTS_CHANNEL, (payload) => this.receive(payload));
    this.pruneTimer = setInterval(() => void this.prune(), PRUNE_EVERY_MS);
    this.pruneTimer.unref();
  }

  onModuleDestroy(): void {
    if (this.pruneTimer) clearInterval(this.pruneTimer);
    // Open streams would keep the HTTP server from closing.
    for (const close of [...this.closers]) close();
  }

  get streams(): number {
    return this.closers.size;
  }

  /** Follows every event; `close` is called when the instance shuts down. */
  subscribe(subscriber: Subscriber, close: () => void): () => void {
    this.subscribers.add(subscriber);
    this.closers.add(close);
    return () => {
      this.subscribers.delete(subscriber);
      this.closers.delete(close);
    };
  }

  /** What was stored after `afterId`, for a page resuming with Last-Event-ID. */
  missedSince(afterId: string): Promise<DeskEvent[]> {
    return this.log.since(this.dataSource.manager, afterId, CATCH_UP_LIMIT);
  }

  private receive(payload: string): void {
    let event: DeskEvent;
    try {
      event = JSON.parse(payload) as DeskEvent;
    } catch (error) {
      this.logger.warn({ err: error }, 'an unreadable desk event was ignored');
      return;
    }
    this.deliver(event);
  }

  private deliver(event: DeskEvent): void {
    if (this.seen.has(event.id)) return;
    this.seen.add(event.id);
    if (this.seen.size > SEEN_MAX) this.seen.delete(this.seen.values().next().value!);
    if (BigInt(event.id) > BigInt(this.lastId)) this.lastId = event.id;
    for (const subscriber of this.subscribers) subscriber(event);
  }

  private async catchUp(): Promise<void> {
    try {
      for (const event of await this.missedSince(this.lastId)) this.deliver(event);
    } catch (error) {
      this.logger.warn(
        { err: error },
        'desk events missed during a reconnection could not be read',
      );
    }
  }

  private async prune(): Promise<void> {
    try {
      await this.log.prune(this.dataSource.manager, new Date(Date.now() - RETENTION_MS));
    } catch (error) {
      this.logger.warn({ err: error }, 'old desk events could not be pruned; will retry');
    }
  }
}
