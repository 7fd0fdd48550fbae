#!/usr/bin/env node
/** The `port-catalog` executable. */
import { fileURLToPath } from 'node:url';
import { loadCachedCli } from './files/cached-cli.js';
import { mapStackTraces } from './files/source-mapped-stacks.js';

// dist/bin.js is a bundle (see compile/bundle-cli.ts): a stack trace names
// src/ through its source maps, read only if a trace is ever written.
mapStackTraces();
// The whole command line with the code V8 compiled for it, when that fits this run; else the split bundle.
const main = loadCachedCli(fileURLToPath(new URL('./', import.meta.url)))?.main ?? (await import('./cli.js')).main;
process.exitCode = await main(process.argv.slice(2));
