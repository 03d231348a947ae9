export * from './grades.ts';
export * from './caveats.ts';
export { DEFAULT_CAVEATS } from './default-caveats.ts';
