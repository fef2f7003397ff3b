/**
 * Which attempt runs next: one queue per API feeding a pool of `concurrency` slots. A slot goes
 * to the next API, round-robin, whose queue is not empty and whose rate limit allows a call now;
 * an API waiting for its rate limit holds no slot, and an API with many slow endpoints cannot
 * take every slot while others wait. Start times of one API's attempts (retries included) are at
 * least `intervalMs` apart.
 */
export interface FairScheduler {
  /** Runs `task` in a slot once `key`'s rate limit allows; resolves with its result. */
  run<T>(key: string, intervalMs: number | undefined, task: () => Promise<T>): Promise<T>;
}

interface Entry {
  task: () => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (reason: unknown) => void;
}

interface ApiQueue {
  key: string;
  entries: Entry[];
  intervalMs: number;
  /** performance.now() before which this API may not start another attempt. */
  nextAt: number;
}

export function fairScheduler(concurrency: number): FairScheduler {
  const slots = Math.max(1, concurrency);
  const queues: ApiQueue[] = [];
  const byKey = new Map<string, ApiQueue>();
  let cursor = 0;
  let active = 0;
  let timer: NodeJS.Timeout | undefined;
  let pumpQueued = false;

  const pump = (): void => {
    if (timer) {
      clearTimeout(timer);
      timer = undefined;
    }
    while (active < slots) {
      const now = performance.now();
      let chosen: ApiQueue | undefined;
      let earliest = Infinity;
      for (let n = 0; n < queues.length; n++) {
        const queue = queues[(cursor + n) % queues.length]!;
        if (queue.entries.length === 0) continue;
        if (queue.nextAt <= now) {
          chosen = queue;
          cursor = (cursor + n + 1) % queues.length;
          break;
        }
        earliest = Math.min(earliest, queue.nextAt);
      }
      if (!chosen) {
        if (earliest !== Infinity) timer = setTimeout(pump, Math.max(1, Math.ceil(earliest - now)));
        return;
      }
      const entry = chosen.entries.shift()!;
      chosen.nextAt = now + chosen.intervalMs;
      active++;
      entry
        .task()
        .then(entry.resolve, entry.reject)
        .finally(() => {
          active--;
          pump();
        });
    }
  };

  return {
    run<T>(key: string, intervalMs: number | undefined, task: () => Promise<T>): Promise<T> {
      let queue = byKey.get(key);
      if (!queue) {
        queue = { key, entries: [], intervalMs: intervalMs ?? 0, nextAt: 0 };
        byKey.set(key, queue);
        queues.push(queue);
      }
      const promise = new Promise<T>((resolve, reject) => {
        queue.entries.push({ task, resolve: resolve as (value: unknown) => void, reject });
      });
      // Picked on the next microtask, once every call submitted in this turn is queued: calls
      // submitted in catalogue order must not take the slots in that order.
      if (!pumpQueued) {
        pumpQueued = true;
        queueMicrotask(() => {
          pumpQueued = false;
          pump();
        });
      }
      return promise;
    },
  };
}
