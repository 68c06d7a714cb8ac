#!/usr/bin/env node
// Thin launcher: broker-sim is TypeScript, run through tsx's loader.
import { register } from 'tsx/esm/api';
register();
await import('../broker-sim/src/main.ts');
