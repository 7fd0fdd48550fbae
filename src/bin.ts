#!/usr/bin/env node
/** The `port-catalog` executable. */
import { main } from './cli.js';

// dist/bin.js is a bundle (see compile/bundle-cli.ts): stack traces name src/ through its source maps.
process.setSourceMapsEnabled(true);
process.exitCode = await main(process.argv.slice(2));
