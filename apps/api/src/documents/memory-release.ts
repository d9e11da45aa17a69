import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** V8's collector as `--expose-gc` exposes it, with the options V8 takes. */
export type Collector = (options: {
  type: 'major';
  execution: 'sync';
  flavor: 'last-resort';
}) => void;

/**
 * V8's full collector, exposed at run time when the process was not started with --expose-gc
 * (V8 installs `gc` in contexts created after the flag is set); null if it cannot be had.
 */
export function fullCollector(): Collector | null {
  const exposed = (globalThis as { gc?: unknown }).gc;
  if (typeof exposed === 'function') return exposed as Collector;
  try {
    setFlagsFromString('--expose-gc');
    const collector: unknown = runInNewContext('gc');
    return typeof collector === 'function' ? (collector as Collector) : null;
  } catch {
    return null;
  }
}

/**
 * Gives the memory of a burst of downloads back once the burst is over. V8 keeps the heap it
 * grew for the burst (pooled pages, a young generation grown to its maximum) while the process
 * is quiet: a minute after 50 clients had downloaded 1,050 documents the service still held
 * ~110 MB over its idle footprint, whatever the allocator (glibc trimmed, capped arenas,
 * jemalloc) and after an ordinary full collection. A last-resort collection, which also
 * releases V8's pools, brought it below the idle footprint. It is done once, after `quietMs`
 * with no delivery and none under way, so it never pauses a busy service; each new delivery
 * postpones it.
 */
export class MemoryRelease {
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly quietMs: number,
    /** True while work is under way (renders, deliveries): the release waits for it. */
    private readonly busy: () => boolean,
    private readonly collect: Collector | null = fullCollector(),
    private readonly onReleased: (report: { ms: number; freedMb: number }) => void = () =>
      undefined,
  ) {}

  /** A delivery began or ended: the release, if any is due, waits `quietMs` from now. */
  touch(): void {
    if (!this.collect) return;
    if (this.timer) {
      this.timer.refresh();
      return;
    }
    this.timer = setTimeout(() => this.release(), this.quietMs);
    // A pending release never keeps the process (or a test) alive.
    this.timer.unref();
  }

  close(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private release(): void {
    this.timer = null;
    if (!this.collect) return;
    if (this.busy()) {
      this.touch();
      return;
    }
    const heapBefore = process.memoryUsage().heapTotal;
    const started = performance.now();
    this.collect({ type: 'major', execution: 'sync', flavor: 'last-resort' });
    this.onReleased({
      ms: Math.round(performance.now() - started),
      freedMb: Math.round((heapBefore - process.memoryUsage().heapTotal) / 1024 / 1024),
    });
  }
}
