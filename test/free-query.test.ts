/**
 * How `free` reads what it is asked (query/free-query.ts), which the command
 * line and the web page's free-ports panel share: the range, a protocol
 * (the range's own wins), a count and kinds to include, each with its message.
 */
import { describe, expect, it } from 'vitest';
import { freeCommand } from '../src/commands/queries.js';
import { freeDefaults, readFreeQuery } from '../src/query/free-query.js';

describe('readFreeQuery', () => {
  it('reads a range with the defaults: tcp, 10 ports, nothing included', () => {
    expect(freeDefaults).toEqual({ protocol: 'tcp', count: '10' });
    expect(readFreeQuery({ range: '8000-8100', ...freeDefaults })).toEqual({ start: 8000, end: 8100, protocol: 'tcp', count: 10, include: [] });
  });

  it('takes the range\u2019s own protocol over the option, a single port as a range of one, and spaces around', () => {
    expect(readFreeQuery({ range: ' 8000-8100/udp ', protocol: 'tcp', count: '3' })).toEqual({ start: 8000, end: 8100, protocol: 'udp', count: 3, include: [] });
    expect(readFreeQuery({ range: '6801', protocol: 'SCTP', count: '1' })).toEqual({ start: 6801, end: 6801, protocol: 'sctp', count: 1, include: [] });
  });

  it('reads the kinds to include, comma-separated, spaces and empty items aside', () => {
    expect(readFreeQuery({ range: '1-2', protocol: 'tcp', count: '1', include: ' reserved, well-known,,dynamic ' })).toEqual({
      start: 1,
      end: 2,
      protocol: 'tcp',
      count: 1,
      include: ['reserved', 'well-known', 'dynamic'],
    });
    expect(readFreeQuery({ range: '1-2', protocol: 'tcp', count: '1', include: '' })).toMatchObject({ include: [] });
  });

  it.each([
    [{ range: 'ssh' }, 'Unexpected range `ssh`, expected A-B with ports 0–65535'],
    [{ range: '8000-70000' }, 'Unexpected range `8000-70000`, expected A-B with ports 0–65535'],
    [{ range: '22/icmp' }, 'Unexpected range `22/icmp`, expected A-B with ports 0–65535'],
    [{ protocol: 'icmp' }, 'Unexpected protocol `icmp`, expected tcp, udp, sctp or dccp'],
    [{ count: '0' }, 'Unexpected count `0`, expected a whole number of 1 or more'],
    [{ count: '2.5' }, 'Unexpected count `2.5`, expected a whole number of 1 or more'],
    [{ count: 'ten' }, 'Unexpected count `ten`, expected a whole number of 1 or more'],
    [{ include: 'reserved,system' }, 'Unexpected --include `system`, expected a comma-separated list of `well-known`, `dynamic`, `reserved`'],
  ])('refuses %j: %s', (change, reason) => {
    expect(readFreeQuery({ range: '8000-8100', protocol: 'tcp', count: '10', ...change })).toBe(reason);
  });

  it('is what the command line reads, and says', async () => {
    expect(await freeCommand('8000-8100', { protocol: 'tcp', count: '0', json: false })).toEqual({
      stdout: [],
      stderr: ['port-catalog: Unexpected count `0`, expected a whole number of 1 or more'],
      code: 2,
    });
  });
});
