/** The floor of a whole-process line reader: start Node, read the file, split lines, one regex test per line. */
import { readFileSync } from 'node:fs';

let matched = 0;
for (const line of readFileSync(process.argv[2] ?? '', 'utf8').split('\n')) if (/^\d+\t/.test(line)) matched += 1;
if (matched < 0) console.log(matched);
