import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { createTaskRunner, type BatchTask } from './batch-tasks.ts';

/** Runs batch tasks on worker threads, or on the main thread when created with no workers. */
export interface TaskPool {
  readonly size: number;
  /** Runs a task on the next free thread. */
  run<T>(task: BatchTask): Promise<T>;
  /** Runs a task on every thread (phase setup). */
  broadcast(task: BatchTask): Promise<void>;
  /** Replaces the threads by fresh ones at the next task (their heaps, caches included, are dropped). */
  recycle(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Old-generation heap of each worker thread, in MiB — unless the process runs with --max-old-space-size,
 * which caps every isolate, workers included (measured on Node 20: with the flag at 192 a worker dies above
 * about 192 MiB whatever this says), so each phase's worker data must fit in the process's heap limit.
 * While preparing records a worker holds the normalisation memo caches (two bounded generations of tens of
 * thousands of entries each), so the pool is recycled after that phase; later phases hold one task's data
 * and bounded caches (dropped before training) — except the clustering of a large threshold component,
 * whose size the data decides (cluster-components.ts).
 */
const WORKER_HEAP_MB = 1024;
/** Young generation of each worker: decoded records live briefly (a block, a cache) and should die young. */
const WORKER_YOUNG_MB = 32;

/** Worker threads used by default: one per core (the main thread reads and writes files meanwhile). */
export const defaultWorkerCount = () => Math.max(1, Math.min(availableParallelism(), 8));

/**
 * Workers run the TypeScript sources through tsx, as the CLI does: the worker's first line registers the
 * loader, then imports the task module. The parent's Node options are not passed on (some, such as heap
 * flags, are refused by workers); each worker's heap is capped by resourceLimits instead.
 */
function startWorker(): Worker {
  const tsx = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./batch-worker.ts', import.meta.url).href;
  const code = `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(entry)}); });`;
  // Each worker's heap is capped too: it holds one task's data and a bounded record cache, never more.
  return new Worker(code, { eval: true, execArgv: [], resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB, maxYoungGenerationSizeMb: WORKER_YOUNG_MB } });
}

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
}

class ThreadPool implements TaskPool {
  readonly #size: number;
  #workers: Worker[] = [];
  #busy: number[] = [];
  readonly #pending = new Map<number, Pending>();
  readonly #waiting: (() => void)[] = [];
  #nextId = 0;
  #failure: Error | null = null;

  constructor(size: number) {
    this.#size = size;
  }

  /** Workers start on the first task, so a run that stops at a bad header never pays for them. */
  #start(): void {
    if (this.#workers.length > 0) return;
    this.#workers = Array.from({ length: this.#size }, () => startWorker());
    this.#busy = this.#workers.map(() => 0);
    this.#workers.forEach((worker, w) => {
      worker.on('message', ({ id, result, error }: { id: number; result?: unknown; error?: string }) => {
        const pending = this.#pending.get(id)!;
        this.#pending.delete(id);
        this.#busy[w]!--;
        this.#waiting.shift()?.();
        if (error !== undefined) pending.reject(new Error(`batch worker failed: ${error}`));
        else pending.resolve(result);
      });
      worker.on('error', (error) => this.#fail(error));
      worker.on('exit', (code) => {
        if (code !== 0 && this.#workers.includes(worker)) this.#fail(new Error(`batch worker stopped with exit code ${code}`));
      });
    });
  }

  get size(): number {
    return this.#size;
  }

  #fail(error: Error): void {
    this.#failure ??= error;
    for (const pending of this.#pending.values()) pending.reject(error);
    this.#pending.clear();
  }

  #send<T>(w: number, task: BatchTask): Promise<T> {
    if (this.#failure) return Promise.reject(this.#failure);
    this.#start();
    const id = this.#nextId++;
    this.#busy[w]!++;
    return new Promise<T>((resolve, reject) => {
      this.#pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.#workers[w]!.postMessage({ id, task });
    });
  }

  async run<T>(task: BatchTask): Promise<T> {
    this.#start();
    for (;;) {
      const free = this.#busy.indexOf(0);
      if (free >= 0) return this.#send<T>(free, task);
      await new Promise<void>((resolve) => this.#waiting.push(resolve));
    }
  }

  async broadcast(task: BatchTask): Promise<void> {
    this.#start();
    await Promise.all(this.#workers.map((_, w) => this.#send(w, task)));
  }

  async recycle(): Promise<void> {
    const workers = this.#workers;
    this.#workers = [];
    this.#busy = [];
    await Promise.all(workers.map((worker) => worker.terminate()));
  }

  async close(): Promise<void> {
    await this.recycle();
  }
}

class InlinePool implements TaskPool {
  readonly size = 1;
  readonly #run = createTaskRunner();
  run<T>(task: BatchTask): Promise<T> {
    return this.#run(task) as Promise<T>;
  }
  async broadcast(task: BatchTask): Promise<void> {
    await this.#run(task);
  }
  async recycle(): Promise<void> {}
  async close(): Promise<void> {}
}

export function createTaskPool(workers: number): TaskPool {
  return workers > 0 ? new ThreadPool(workers) : new InlinePool();
}
