// Entry point of a worker thread running TypeScript (the server's analysis pool, the analyser's tokenising
// thread): workers do not inherit the parent's TypeScript loader, so this one registers tsx (as bin/mikata.mjs
// does) and then loads the worker module named in workerData.module.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.module);
