// Politeness per host: at most N requests in flight and at most R requests per second, and a pause for the whole
// host when it says its rate limit is used up, so one account's retries do not hammer a server another account
// is also being fetched from.

export type Sleep = (ms: number) => Promise<void>;

export const sleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

interface HostState {
  active: number;
  waiting: (() => void)[];
  /** Earliest time the next request may start (rate). */
  next: number;
  /** No request before this time (the server asked us to wait). */
  pausedUntil: number;
}

export class HostLimiter {
  private readonly hosts = new Map<string, HostState>();

  constructor(
    private readonly concurrency: number,
    /** Minimum gap between request starts to one host, in ms. */
    private readonly intervalMs: number,
    private readonly wait: Sleep = sleep,
  ) {}

  private state(host: string): HostState {
    let h = this.hosts.get(host);
    if (!h) {
      h = { active: 0, waiting: [], next: 0, pausedUntil: 0 };
      this.hosts.set(host, h);
    }
    return h;
  }

  /** Waits for a slot to `host`; returns the function that gives it back. */
  async acquire(host: string): Promise<() => void> {
    const h = this.state(host);
    if (h.active >= this.concurrency) await new Promise<void>((resolve) => h.waiting.push(resolve));
    else h.active++;
    // Reserve a start time now so concurrent callers space out instead of all waking at once.
    const now = Date.now();
    const at = Math.max(now, h.next, h.pausedUntil);
    h.next = at + this.intervalMs;
    if (at > now) await this.wait(at - now);
    // A pause may have been set while we slept.
    while (Date.now() < h.pausedUntil) await this.wait(h.pausedUntil - Date.now());
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = h.waiting.shift();
      if (next) next(); // the slot passes straight to the next caller
      else h.active--;
    };
  }

  /** Holds every request to `host` until `untilMs` (epoch ms). */
  pause(host: string, untilMs: number): void {
    const h = this.state(host);
    h.pausedUntil = Math.max(h.pausedUntil, untilMs);
  }
}
