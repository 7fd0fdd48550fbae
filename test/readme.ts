/** The README's examples, read from the README itself, so tests run what a user reads. */
import { readFileSync } from 'node:fs';

const readme = readFileSync('README.md', 'utf8');

/** The README's section under `heading` (any level), up to the next heading of that level or above; a `#` line inside a fenced block is no heading. */
export function readmeSection(heading: string): string {
  const lines = readme.split('\n');
  let fence: string | null = null;
  const isHeading = lines.map((line) => {
    const opened = /^(`{3,})/.exec(line)?.[1];
    if (fence === null && opened) fence = opened;
    else if (fence !== null && line === fence) fence = null;
    return fence === null && /^#+ /.test(line);
  });
  const start = lines.findIndex((line, index) => isHeading[index] && line.replace(/^#+ /, '') === heading);
  if (start < 0) throw new Error(`README.md has no heading "${heading}"`);
  const level = (lines[start] ?? '').indexOf(' ');
  const end = lines.findIndex((line, index) => index > start && isHeading[index] && line.indexOf(' ') <= level);
  return lines.slice(start + 1, end < 0 ? undefined : end).join('\n');
}

/** Every fenced code block of a section, with its info string; a block indented under a list item loses that indentation. */
export function readmeBlocks(heading: string): { info: string; code: string }[] {
  const blocks: { info: string; code: string }[] = [];
  const fence = /^( *)(`{3,})([^\n`]*)\n([\s\S]*?)^\1\2$/gm;
  for (const match of readmeSection(heading).matchAll(fence)) {
    const indent = match[1] ?? '';
    const code = (match[4] ?? '').split('\n').map((line) => (line.startsWith(indent) ? line.slice(indent.length) : line)).join('\n');
    blocks.push({ info: (match[3] ?? '').trim(), code });
  }
  return blocks;
}

/** A section's first `js` block and the `text` block that shows what it prints. */
export function readmeExample(heading: string): { code: string; output: string } {
  const blocks = readmeBlocks(heading);
  const code = blocks.find((block) => block.info === 'js');
  const output = blocks.find((block) => block.info === 'text');
  if (!code || !output) throw new Error(`README.md section "${heading}" has no js block and text block`);
  return { code: code.code, output: output.code };
}
