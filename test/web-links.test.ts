/**
 * Which texts the web page makes links (web/links.ts): only http and https
 * addresses, whatever else a manifest's `uri` allows; and a record's line
 * links into the GitHub file its source was copied from, else to the page.
 */
import { describe, expect, it } from 'vitest';
import { githubBlob, lineAddress, webAddress } from '../src/web/links.js';

describe('webAddress', () => {
  it.each([
    ['https://docs.axway.com/', 'https://docs.axway.com/'],
    ['http://example.org/a b', 'http://example.org/a%20b'],
    ['HTTPS://Example.ORG/Path', 'https://example.org/Path'],
    // The URL parser drops leading and trailing spaces and control characters, as a browser does.
    ['  https://example.org/x\t', 'https://example.org/x'],
  ])('keeps %j as %j', (text, address) => {
    expect(webAddress(text)).toBe(address);
  });

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    '\u0000javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'mailto:someone@example.org',
    'ftp://example.org/',
    '//example.org/path',
    '/relative/path',
    'not a url',
    '',
  ])('refuses %j', (text) => {
    expect(webAddress(text)).toBeNull();
  });

  it('refuses null', () => {
    expect(webAddress(null)).toBeNull();
  });
});

describe('githubBlob', () => {
  it('turns a raw file address into the page that shows the file', () => {
    expect(githubBlob('https://raw.githubusercontent.com/rancher/rke2-docs/9477b7b1df1f0bd431cdabbb39fbdcd21cb82602/docs/install/requirements.md')).toBe(
      'https://github.com/rancher/rke2-docs/blob/9477b7b1df1f0bd431cdabbb39fbdcd21cb82602/docs/install/requirements.md',
    );
    expect(githubBlob('https://github.com/pi-hole/docs/raw/main/docs/main/prerequisites.md')).toBe('https://github.com/pi-hole/docs/blob/main/docs/main/prerequisites.md');
  });

  it.each([
    null,
    'http://raw.githubusercontent.com/o/r/main/file.md',
    'https://raw.githubusercontent.com/o/r/main',
    'https://raw.githubusercontent.com/o//main/file.md',
    'https://github.com/o/r/blob/main/file.md',
    'https://gitlab.com/o/r/-/raw/main/file.md',
    'https://example.org/o/r/main/file.md',
    'javascript:alert(1)',
  ])('gives no page for %j', (origin) => {
    expect(githubBlob(origin)).toBeNull();
  });
});

describe('lineAddress', () => {
  it('links the line in the GitHub file, shown as text so the anchor holds', () => {
    expect(lineAddress({ url: 'https://docs.pi-hole.net/', origin: 'https://raw.githubusercontent.com/pi-hole/docs/7c96feb/docs/main/prerequisites.md' }, 56)).toBe(
      'https://github.com/pi-hole/docs/blob/7c96feb/docs/main/prerequisites.md?plain=1#L56',
    );
  });

  it('links the page where the origin is no GitHub file, and nothing where the page is no web address', () => {
    expect(lineAddress({ url: 'https://docs.axway.com/', origin: null }, 56)).toBe('https://docs.axway.com/');
    expect(lineAddress({ url: 'https://docs.axway.com/', origin: 'https://example.org/raw.txt' }, 56)).toBe('https://docs.axway.com/');
    expect(lineAddress({ url: 'javascript:alert(1)', origin: null }, 1)).toBeNull();
    expect(lineAddress({ url: null, origin: null }, 1)).toBeNull();
  });
});
