import { parentPort } from 'node:worker_threads';
import { createTaskRunner, type BatchTask } from './batch-tasks.ts';

/** A worker thread of the streaming batch: runs the tasks it receives one after another, in order. */
const run = createTaskRunner();
let queue: Promise<unknown> = Promise.resolve();
parentPort!.on('message', ({ id, task }: { id: number; task: BatchTask }) => {
  queue = queue.then(async () => {
    try {
      parentPort!.postMessage({ id, result: await run(task) });
    } catch (error) {
      parentPort!.postMessage({ id, error: error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error) });
    }
  });
});
