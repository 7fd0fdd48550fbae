/**
 * The command line runs as one bundle (dist/bin.js, with its on-demand
 * parts in dist/cli/; see src/compile/bundle-cli.ts). Its source maps must
 * lead back to src/, so a stack trace names the TypeScript line, and the
 * bundle must answer as the modules do (package.test.ts runs it installed;
 * `npm test` ends with its `check`).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { folderWith } from './helpers.js';

const maps = ['dist/bin.js.map', ...readdirSync('dist/cli').flatMap((name) => (name.endsWith('.map') ? [`dist/cli/${name}`] : []))];
const sources = new Set(maps.flatMap((map) => (JSON.parse(readFileSync(map, 'utf8')) as { sources: string[] }).sources));

describe('the bundled command line', () => {
  it('maps back to the TypeScript sources, by path (the content is not copied in)', () => {
    expect([...sources].filter((source) => /(?:^|\/)src\/(?:cli|bin|pipeline\/build|parsers\/port-list\/parse)\.ts$/.test(source)).sort()).toEqual([
      '../../src/cli.ts',
      '../../src/parsers/port-list/parse.ts',
      '../../src/pipeline/build.ts',
      '../src/bin.ts',
    ]);
    const entry = JSON.parse(readFileSync('dist/bin.js.map', 'utf8')) as { sources: string[]; sourcesContent?: string[] };
    expect(entry.sourcesContent).toBeUndefined();
    expect(readFileSync('dist/bin.js', 'utf8').trimEnd().endsWith('//# sourceMappingURL=bin.js.map')).toBe(true);
  });

  it('names the TypeScript file and line in a stack trace from the bundle, reading maps only then', () => {
    const queries = readdirSync('dist/cli').find((name) => /^queries-[A-Z0-9]+\.js$/.test(name));
    // The executable's own set-up (bin.ts), then a call the command line never makes (no options), so that code of the bundle throws.
    const script = [
      `const { mapStackTraces } = await import('./dist/files/source-mapped-stacks.js');`,
      `mapStackTraces();`,
      `const { freeCommand } = await import('./dist/cli/${queries}');`,
      `try { await freeCommand('1-2'); } catch (error) { console.log(error.stack); }`,
    ].join(' ');
    const stack = execFileSync('node', ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(stack).toMatch(/^TypeError: Cannot read properties of undefined/);
    expect(stack).toMatch(/\n {4}at freeCommand \(\/.*\/src\/commands\/queries\.ts:\d+:\d+\)\n/);
    // A frame without a map (the script itself) stays as V8 writes it.
    expect(stack.trimEnd()).toMatch(/\n {4}at file:\/\/\/.*\[eval1\]:1:\d+$/);
  });

  it('turns source maps on in no module at start-up: a run that writes no trace reads no map', () => {
    expect(readFileSync('dist/bin.js', 'utf8')).not.toContain('setSourceMapsEnabled');
  });

  it('keeps each parser in a part of its own, loaded only when a manifest uses its format', () => {
    const entry = readFileSync('dist/bin.js', 'utf8');
    expect(entry).not.toContain('function readRstBlocks');
    expect(entry).not.toContain('function parsePortList');
    const parts = readdirSync('dist/cli').filter((name) => name.endsWith('.js'));
    expect(parts.filter((name) => /^(?:rst-blocks|asciidoc-blocks|parse|iana-csv|etc-services|port-numbers-json)-/.test(name)).length).toBe(6);
  });

  it('builds a page with YAML front matter, whose parser it loads only then', async () => {
    const folder = await folderWith({
      'sources.json': JSON.stringify({ sources: [{ id: 'page', file: 'page.md', format: 'markdown', title: 'Page', url: null, defaults: { protocols: ['tcp'] }, columns: { Service: 'name', Port: 'port' } }] }),
      'page.md': '---\ntitle: Mail ports\n---\n\n| Service | Port |\n| --- | --- |\n| SMTP | 25 |\n',
    });
    execFileSync('node', [path.resolve('dist/bin.js'), 'build', '--sources', folder, '--out', path.join(folder, 'out'), '--quiet'], { encoding: 'utf8' });
    const dataset = JSON.parse(readFileSync(path.join(folder, 'out', 'ports.json'), 'utf8')) as { sources: { documentTitle: string | null }[]; records: { portStart: number; name: string }[] };
    expect(dataset.sources.map((source) => source.documentTitle)).toEqual(['Mail ports']);
    expect(dataset.records.map((record) => [record.portStart, record.name])).toEqual([[25, 'SMTP']]);
  });

  it('prints its version and help', () => {
    const version = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;
    expect(execFileSync('node', ['dist/bin.js', '--version'], { encoding: 'utf8' })).toBe(`${version}\n`);
    expect(execFileSync('node', ['dist/bin.js', '--help'], { encoding: 'utf8' })).toContain('Usage: port-catalog [options] [command]');
  });
});
