/** Item patterns: literal text, placeholders, optional parts, and the problems a manifest can have. */
import { describe, expect, it } from 'vitest';
import { compileItemPattern } from '../src/parsers/lists/item-pattern.js';
import { mentionsPort } from '../src/parsers/lists/list-entries.js';
import { thrownMessage } from './helpers.js';

const texts = (captures: ReturnType<ReturnType<typeof compileItemPattern>['match']>) =>
  captures === null ? null : Object.fromEntries(Object.entries(captures).map(([name, capture]) => [name, capture?.text]));

describe('compileItemPattern', () => {
  it('matches literal text and captures each placeholder up to the text after it', () => {
    const pattern = compileItemPattern('Port `{port}` {protocols} for {name}');
    expect(texts(pattern.match('Port `7946` TCP/UDP for cluster gossip'))).toEqual({ port: '7946', protocols: 'TCP/UDP', name: 'cluster gossip' });
    expect(texts(pattern.match('port   `7946`  tcp for x'))).toEqual({ port: '7946', protocols: 'tcp', name: 'x' });
    expect(pattern.match('Ports `7946` TCP for x')).toBeNull();
    expect(pattern.match('Port `7946` TCP')).toBeNull();
  });

  it('takes an optional part when it matches and skips it when not', () => {
    const pattern = compileItemPattern('`{port} {protocols}` => For {name}[ **{notes}**]');
    expect(texts(pattern.match('`80 TCP` => For SSL renewal. **Required**'))).toEqual({ port: '80', protocols: 'TCP', name: 'SSL renewal', notes: 'Required' });
    expect(texts(pattern.match('`3478 UDP` => For the stun server (optional).'))).toEqual({ port: '3478', protocols: 'UDP', name: 'the stun server (optional)' });
  });

  it('gives each capture its offset in the text', () => {
    expect(compileItemPattern('`{port}` for {name}').match('`80/tcp` for Web UI')).toEqual({ port: { text: '80/tcp', offset: 1 }, name: { text: 'Web UI', offset: 13 } });
  });

  it('refuses an unknown placeholder, two placeholders side by side, and an unclosed option', () => {
    expect(thrownMessage(() => compileItemPattern('{port} on {host}'))).toBe('Unexpected `{host}` in item pattern, expected one of {port}, {protocols}, {name}, {description}, {notes}, {configKey}, {direction}, {_}');
    expect(thrownMessage(() => compileItemPattern('{port}{name}'))).toBe('Unexpected `{name}` right after `{port}` in item pattern, expected text between them');
    expect(thrownMessage(() => compileItemPattern('{port} [for {name}'))).toBe('Unexpected end of item pattern inside `[`, expected `]`');
  });
});

describe('mentionsPort', () => {
  it('sees ports written next to the word port or a protocol, not other numbers', () => {
    expect(['needs port 6443', 'ports 80 and 443', '8080/tcp', 'TCP/443', '443 TCP', 'UDP port 8472'].map(mentionsPort)).toEqual([true, true, true, true, true, true]);
    expect(['Debian 11 (Bullseye) or newer', 'Ubuntu 22.04', '2 CPU, 4 GB', 'RFC 8314'].map(mentionsPort)).toEqual([false, false, false, false]);
  });
});
