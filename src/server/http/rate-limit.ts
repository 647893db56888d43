import type { Clock } from '../../core/clock.ts';

/**
 * A fixed-window counter per key (client IP) for the authentication endpoints. In memory: one server
 * process serves an installation; the per-account lockout in the database is the durable defence.
 */
export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();
  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly clock: () => Clock,
  ) {}

  /** Counts a hit; returns the seconds to wait when over the limit, else 0. */
  hit(key: string): number {
    const at = this.clock().now().getTime();
    const current = this.windows.get(key);
    if (!current || at - current.start >= this.windowMs) {
      this.windows.set(key, { start: at, count: 1 });
      if (this.windows.size > 10_000) this.prune(at);
      return 0;
    }
    current.count += 1;
    return current.count > this.limit ? Math.ceil((current.start + this.windowMs - at) / 1000) : 0;
  }

  reset(): void {
    this.windows.clear();
  }

  private prune(at: number): void {
    for (const [key, w] of this.windows) if (at - w.start >= this.windowMs) this.windows.delete(key);
  }
}
