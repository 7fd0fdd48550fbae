#!/usr/bin/env node
/** The `port-catalog` executable. */
import { main } from './cli.js';

process.exitCode = await main(process.argv.slice(2));
