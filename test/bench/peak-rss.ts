/**
 * Preloaded into a whole-process benchmark run (`node --import`): on exit,
 * writes the process's peak RSS in MiB to the file named by
 * PORT_CATALOG_BENCH_RSS, so a command's own peak is known without wrapping it.
 */
import { writeFileSync } from 'node:fs';

const target = process.env['PORT_CATALOG_BENCH_RSS'];
if (target) process.on('exit', () => writeFileSync(target, String(process.resourceUsage().maxRSS / 1024)));
