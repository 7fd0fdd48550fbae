#!/usr/bin/env node
/** The `port-catalog` executable. */

// dist/bin.js is a bundle (see compile/bundle-cli.ts). Node maps only the
// modules it loads after source maps are on, so the command line itself is
// loaded after this line, and its stack traces name src/.
process.setSourceMapsEnabled(true);
const { main } = await import('./cli.js');
process.exitCode = await main(process.argv.slice(2));
