/**
 * At most `width` callers inside at once; the others wait their turn in order. Downloads read a
 * few small rows each; 50 of them at once would queue ahead of every other request for the
 * database pool (/health included), so they take turns through a gate narrower than the pool.
 */
export class ReadGate {
  private inside = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly width: number) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.inside >= this.width) await new Promise<void>((enter) => this.waiting.push(enter));
    else this.inside += 1;
    try {
      return await work();
    } finally {
      const next = this.waiting.shift();
      // The place passes straight to the next in line, so `inside` stays as it is.
      if (next) next();
      else this.inside -= 1;
    }
  }
}
