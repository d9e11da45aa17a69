/** The middle sample: robust against the outliers a shared machine produces. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** The value below which a fraction `q` of the samples lie (0.99: the p99). */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

export interface SampleOptions<T> {
  rounds: number;
  /** Untimed runs first, so that caches, JIT and pools are warm (5 unless told). */
  warmup?: number;
  /** Runs before each sample, untimed; its result is handed to the timed run. */
  prepare?: () => Promise<T>;
}

/** Milliseconds of each timed run, after the warm-up. */
export async function sampleMs<T = undefined>(
  run: (input: T) => Promise<unknown>,
  options: SampleOptions<T>,
): Promise<number[]> {
  const prepare = options.prepare ?? (() => Promise.resolve(undefined as T));
  for (let i = 0; i < (options.warmup ?? 5); i += 1) await run(await prepare());
  const samples: number[] = [];
  for (let i = 0; i < options.rounds; i += 1) {
    const input = await prepare();
    const started = process.hrtime.bigint();
    await run(input);
    samples.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return samples;
}
