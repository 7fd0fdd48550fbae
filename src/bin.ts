#!/usr/bin/env node
/** The `port-catalog` executable. */
import { mapStackTraces } from './files/source-mapped-stacks.js';

// dist/bin.js is a bundle (see compile/bundle-cli.ts): a stack trace names
// src/ through its source maps, read only if a trace is ever written.
mapStackTraces();
const { main } = await import('./cli.js');
process.exitCode = await main(process.argv.slice(2));
