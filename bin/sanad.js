#!/usr/bin/env node
// Runs the TypeScript CLI directly through tsx, so `npx sanad …` works right after `npm ci`
// without a build step (DESIGN §5).
import { register } from 'tsx/esm/api';

register();
await import('../src/server/cli/main.ts');
