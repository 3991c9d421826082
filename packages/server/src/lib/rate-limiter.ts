/**
 * Fixed-window request counter per key (a user id), held in this process. Used for the
 * analysis endpoints, where the limit protects CPU: with several instances the limit
 * applies per instance, which is what protects each one. Login limits, which guard
 * accounts, are counted in the database instead (session.repository).
 */
export type TRateLimiter = { hit: (key: string) => { isAllowed: boolean; retryAfterSeconds: number } };

export function rateLimiterCreate(limit: number, windowMs: number, now: () => number = Date.now): TRateLimiter {
  const windows = new Map<string, { start: number; count: number }>();
  let lastSweep = now();
  return {
    hit(key) {
      const t = now();
      if (t - lastSweep > windowMs * 10) {
        for (const [k, w] of windows) if (t - w.start >= windowMs) windows.delete(k);
        lastSweep = t;
      }
      let window = windows.get(key);
      if (!window || t - window.start >= windowMs) {
        window = { start: t, count: 0 };
        windows.set(key, window);
      }
      window.count += 1;
      return { isAllowed: window.count <= limit, retryAfterSeconds: Math.ceil((window.start + windowMs - t) / 1000) };
    },
  };
}
