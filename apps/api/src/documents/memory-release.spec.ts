import { setTimeout as delay } from 'node:timers/promises';
import { type Collector, MemoryRelease, fullCollector } from './memory-release';

describe('giving the memory of a burst back', () => {
  const quietMs = 40;

  function recorder() {
    const calls: Parameters<Collector>[0][] = [];
    const collect: Collector = (options) => void calls.push(options);
    return { calls, collect };
  }

  it('collects once, a quiet spell after the last delivery, and not again until the next', async () => {
    const { calls, collect } = recorder();
    const release = new MemoryRelease(quietMs, () => false, collect);
    release.touch();
    await delay(quietMs / 2);
    release.touch();
    await delay(quietMs / 2 + 5);
    expect(calls).toHaveLength(0);
    await delay(quietMs);
    expect(calls).toEqual([{ type: 'major', execution: 'sync', flavor: 'last-resort' }]);
    await delay(quietMs * 2);
    expect(calls).toHaveLength(1);
    release.touch();
    await delay(quietMs * 2);
    expect(calls).toHaveLength(2);
    release.close();
  });

  it('waits while work is under way, and does nothing once closed', async () => {
    const { calls, collect } = recorder();
    let busy = true;
    const release = new MemoryRelease(quietMs, () => busy, collect);
    release.touch();
    await delay(quietMs * 3);
    expect(calls).toHaveLength(0);
    busy = false;
    await delay(quietMs * 2);
    expect(calls).toHaveLength(1);

    release.touch();
    release.close();
    await delay(quietMs * 2);
    expect(calls).toHaveLength(1);
  });

  it("has V8's collector without --expose-gc, and it gives a grown heap back", () => {
    const collect = fullCollector();
    // Made in a context of its own: a function, though not this realm's Function.
    expect(typeof collect).toBe('function');
    let garbage: { n: number; s: string }[] | null = Array.from({ length: 1_000_000 }, (_, n) => ({
      n,
      s: `item ${n}`,
    }));
    const grown = process.memoryUsage().heapTotal;
    expect(garbage).toHaveLength(1_000_000);
    garbage = null;
    collect!({ type: 'major', execution: 'sync', flavor: 'last-resort' });
    expect(process.memoryUsage().heapTotal).toBeLessThan(grown - 32 * 1024 * 1024);
  });
});
