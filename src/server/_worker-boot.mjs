// Entry point of a pool worker: workers do not inherit the parent's TypeScript loader, so this one
// registers tsx (as bin/mikata.mjs does) and then loads the worker module the pool names.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.module);
