#!/usr/bin/env node
// Thin launcher: the tool is TypeScript, run through tsx's loader.
import { register } from 'tsx/esm/api';
register();
await import('../tools/qtop/main.ts');
