import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../core/clock.ts';
import { RateLimiter } from './rate-limit.ts';

/** A limiter of `limit` hits per minute on a clock the test moves by hand. */
function limiterOf(limit: number) {
  const clock = new ManualClock('2021-12-13T09:00:00Z');
  return { clock, limiter: new RateLimiter(limit, 60_000, () => clock) };
}

describe('RateLimiter', () => {
  it('lets `limit` hits through in a window, then answers the seconds left in it', () => {
    const { clock, limiter } = limiterOf(3);
    expect([limiter.hit('ip'), limiter.hit('ip'), limiter.hit('ip')]).toEqual([0, 0, 0]);
    expect(limiter.hit('ip')).toBe(60);
    clock.advance(45_500);
    expect(limiter.hit('ip')).toBe(15);
    clock.advance(14_000);
    expect(limiter.hit('ip')).toBe(1);
  });

  it('opens a new window once the old one has passed', () => {
    const { clock, limiter } = limiterOf(2);
    limiter.hit('ip');
    limiter.hit('ip');
    expect(limiter.hit('ip')).toBeGreaterThan(0);
    clock.advance(60_000);
    expect(limiter.hit('ip')).toBe(0);
    expect(limiter.hit('ip')).toBe(0);
    expect(limiter.hit('ip')).toBe(60);
  });

  it('counts each key (client IP) on its own', () => {
    const { limiter } = limiterOf(1);
    expect(limiter.hit('203.0.113.1')).toBe(0);
    expect(limiter.hit('203.0.113.1')).toBeGreaterThan(0);
    expect(limiter.hit('203.0.113.2')).toBe(0);
  });

  it('keeps refusing while hits go on inside the window (they do not extend it)', () => {
    const { clock, limiter } = limiterOf(1);
    limiter.hit('ip');
    for (let i = 0; i < 59; i++) {
      clock.advance(1_000);
      expect(limiter.hit('ip')).toBe(60 - (i + 1));
    }
    clock.advance(1_000);
    expect(limiter.hit('ip')).toBe(0);
  });

  it('forgets everything on reset', () => {
    const { limiter } = limiterOf(1);
    limiter.hit('ip');
    expect(limiter.hit('ip')).toBeGreaterThan(0);
    limiter.reset();
    expect(limiter.hit('ip')).toBe(0);
  });

  it('prunes ended windows when many keys have been seen, without losing live ones', () => {
    const { clock, limiter } = limiterOf(1);
    limiter.hit('busy');
    clock.advance(30_000);
    limiter.hit('busy');
    for (let i = 0; i < 10_001; i++) limiter.hit(`old-${i}`);
    clock.advance(40_000);
    // 70 s after "busy" started: its window ended; the old keys' windows (started at 30 s) are still live.
    for (let i = 0; i < 10; i++) expect(limiter.hit(`old-${i}`)).toBe(20);
    expect(limiter.hit('busy')).toBe(0);
  });
});
