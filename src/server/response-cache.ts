/**
 * A cache of rendered JSON responses for the read routes (experts, expert pages, search, matrix, network).
 *
 * Why: the store answers an expert page or a search in a few milliseconds, but SQLite runs on the event loop,
 * so twenty analysts (or one busy one) queue behind each other. Most reads repeat (the same expert page, the
 * matrix after every click), so a rendered answer is kept until the corpus changes.
 *
 * How it knows the corpus changed: writes made through this server clear it at once; writes by another
 * process (`mikata ingest` while the workbench runs) are noticed through a cheap stamp of the store (document
 * count, identity version, correction counter) read at most once per `probeEveryMs`. What the stamp cannot
 * see (a correction withdrawn by another process) shows after `maxAgeMs` at the latest.
 */

export interface ResponseCacheOptions {
  /** A string that changes whenever the corpus does (as far as a cheap read can tell). */
  readonly probe: () => Promise<string>;
  readonly probeEveryMs?: number;
  readonly maxAgeMs?: number;
  readonly maxEntries?: number;
  /**
   * Failures worth keeping like answers: ones that depend only on the corpus (an unknown or ambiguous name),
   * so that a client asking again and again does not make the store work again and again.
   */
  readonly keepError?: (error: unknown) => boolean;
  readonly now?: () => number;
}

interface Entry {
  readonly value: Promise<string>;
  readonly at: number;
}

export class ResponseCache {
  private readonly entries = new Map<string, Entry>();
  private readonly options: Required<ResponseCacheOptions>;
  private stamp: string | null = null;
  private probedAt = -Infinity;
  private probing: Promise<void> | null = null;
  hits = 0;
  misses = 0;

  constructor(options: ResponseCacheOptions) {
    this.options = { probeEveryMs: 1000, maxAgeMs: 30_000, maxEntries: 1000, keepError: () => false, now: Date.now, ...options };
  }

  clear(): void {
    this.entries.clear();
  }

  /**
   * The cached JSON for `key`, or what `compute` makes of it. Concurrent misses of one key share one
   * computation; a failed computation is not kept.
   */
  async json(key: string, compute: () => Promise<unknown>): Promise<string> {
    await this.checkStamp();
    const now = this.options.now();
    const entry = this.entries.get(key);
    if (entry && now - entry.at < this.options.maxAgeMs) {
      this.hits++;
      // Most recently used last, so eviction drops the oldest.
      this.entries.delete(key);
      this.entries.set(key, entry);
      return entry.value;
    }
    this.misses++;
    const value = compute().then((v) => JSON.stringify(v));
    this.entries.set(key, { value, at: now });
    value.catch((e: unknown) => {
      if (!this.options.keepError(e) && this.entries.get(key)?.value === value) this.entries.delete(key);
    });
    while (this.entries.size > this.options.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    return value;
  }

  private async checkStamp(): Promise<void> {
    if (this.options.now() - this.probedAt < this.options.probeEveryMs) return;
    this.probing ??= (async () => {
      try {
        const stamp = await this.options.probe();
        if (stamp !== this.stamp) {
          this.entries.clear();
          this.stamp = stamp;
        }
        this.probedAt = this.options.now();
      } finally {
        this.probing = null;
      }
    })();
    await this.probing;
  }
}
