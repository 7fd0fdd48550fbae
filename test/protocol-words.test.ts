import { describe, expect, it } from 'vitest';
import {
  findProtocolWords,
  isFillerWord,
  protocolOf,
  protocols,
  readProtocolWords,
} from '../src/grammar/protocol-words.js';
import { protocols as recordProtocols } from '../src/model/record.js';

describe('the protocol vocabulary', () => {
  it('is the record model list itself, not a copy', () => {
    expect(protocols).toBe(recordProtocols);
    expect(protocols).toEqual(['tcp', 'udp', 'sctp', 'dccp']);
  });

  it('names a protocol only by a whole word, in any case', () => {
    expect(protocolOf('TCP')).toBe('tcp');
    expect(protocolOf('Udp')).toBe('udp');
    expect(protocolOf('sctp')).toBe('sctp');
    expect(protocolOf('DCCP')).toBe('dccp');
    expect(protocolOf('TCPMUX')).toBeNull();
    expect(protocolOf('tcp6')).toBeNull();
    expect(protocolOf('both')).toBeNull();
    expect(protocolOf('')).toBeNull();
  });

  it('knows the filler words', () => {
    expect(['and', 'AND', 'or', 'only', 'Only', '&', '+'].map(isFillerWord)).toEqual([true, true, true, true, true, true, true]);
    expect(['TCP', 'both', 'IPv4', 'with'].map(isFillerWord)).toEqual([false, false, false, false]);
  });
});

describe('readProtocolWords', () => {
  it('keeps its old results for old inputs, without a qualifiers field', () => {
    expect(readProtocolWords(['TCP UDP'])).toEqual({ protocols: ['tcp', 'udp'], unknown: [] });
    expect(readProtocolWords(['udp/tcp', 'and', 'SCTP'])).toEqual({ protocols: ['tcp', 'udp', 'sctp'], unknown: [] });
    expect(readProtocolWords(['TCP', 'IPX'])).toEqual({ protocols: ['tcp'], unknown: ['IPX'] });
    expect(readProtocolWords(['TCP'])).not.toHaveProperty('qualifiers');
  });

  it('reads Both as tcp and udp', () => {
    expect(readProtocolWords(['Both'])).toEqual({ protocols: ['tcp', 'udp'], unknown: [] });
    expect(readProtocolWords(['both'])).toEqual({ protocols: ['tcp', 'udp'], unknown: [] });
    expect(readProtocolWords(['SCTP', 'BOTH'])).toEqual({ protocols: ['tcp', 'udp', 'sctp'], unknown: [] });
  });

  it('treats only, or, and, & and + as fillers', () => {
    expect(readProtocolWords(['TCP only'])).toEqual({ protocols: ['tcp'], unknown: [] });
    expect(readProtocolWords(['UDP or TCP'])).toEqual({ protocols: ['tcp', 'udp'], unknown: [] });
    expect(readProtocolWords(['TCP & UDP'])).toEqual({ protocols: ['tcp', 'udp'], unknown: [] });
    expect(readProtocolWords(['TCP + UDP'])).toEqual({ protocols: ['tcp', 'udp'], unknown: [] });
  });

  it('splits on whitespace, commas, slashes, & and +, glued or not', () => {
    expect(readProtocolWords(['TCP&UDP'])).toEqual({ protocols: ['tcp', 'udp'], unknown: [] });
    expect(readProtocolWords(['UDP+TCP'])).toEqual({ protocols: ['tcp', 'udp'], unknown: [] });
    expect(readProtocolWords(['dccp,sctp'])).toEqual({ protocols: ['sctp', 'dccp'], unknown: [] });
    expect(readProtocolWords(['TCP\u00a0UDP'])).toEqual({ protocols: ['tcp', 'udp'], unknown: [] });
    expect(readProtocolWords(['\tTCP /  UDP\n'])).toEqual({ protocols: ['tcp', 'udp'], unknown: [] });
  });

  it('returns IPv4 and IPv6 as qualifiers, as written, not as unknown', () => {
    expect(readProtocolWords(['TCP', 'IPv4'])).toEqual({ protocols: ['tcp'], unknown: [], qualifiers: ['IPv4'] });
    expect(readProtocolWords(['UDP/IPv6 and ipv4'])).toEqual({ protocols: ['udp'], unknown: [], qualifiers: ['IPv6', 'ipv4'] });
    expect(readProtocolWords(['IPv6', 'IPX'])).toEqual({ protocols: [], unknown: ['IPX'], qualifiers: ['IPv6'] });
  });

  it('lists each protocol once, in catalog order', () => {
    expect(readProtocolWords(['dccp UDP tcp TCP udp'])).toEqual({ protocols: ['tcp', 'udp', 'dccp'], unknown: [] });
  });

  it('reads nothing from nothing', () => {
    expect(readProtocolWords([])).toEqual({ protocols: [], unknown: [] });
    expect(readProtocolWords(['', ' / '])).toEqual({ protocols: [], unknown: [] });
  });
});

describe('findProtocolWords', () => {
  it('finds protocols in parentheses of prose', () => {
    expect(findProtocolWords('Server RPC (TCP and UDP)')).toEqual({ protocols: ['tcp', 'udp'], offsets: [12, 20] });
  });

  it('finds TCP in TCP/IP', () => {
    expect(findProtocolWords('TCP/IP port')).toEqual({ protocols: ['tcp'], offsets: [0] });
  });

  it('ignores protocol names inside longer words', () => {
    expect(findProtocolWords('TCPMUX service')).toEqual({ protocols: [], offsets: [] });
    expect(findProtocolWords('tcp6 and udp_lite and xudp')).toEqual({ protocols: [], offsets: [] });
  });

  it('takes punctuation and hyphens as word ends', () => {
    expect(findProtocolWords('a UDP-based protocol')).toEqual({ protocols: ['udp'], offsets: [2] });
    expect(findProtocolWords('(sctp)')).toEqual({ protocols: ['sctp'], offsets: [1] });
  });

  it('reads any case and gives the first mention of each protocol, in catalog order', () => {
    expect(findProtocolWords('udp first then TCP')).toEqual({ protocols: ['tcp', 'udp'], offsets: [15, 0] });
    expect(findProtocolWords('sctp, dccp, SCTP')).toEqual({ protocols: ['sctp', 'dccp'], offsets: [0, 6] });
    expect(findProtocolWords('Tcp and tcp')).toEqual({ protocols: ['tcp'], offsets: [0] });
  });

  it('counts Unicode spaces as spaces', () => {
    expect(findProtocolWords('over\u00a0UDP')).toEqual({ protocols: ['udp'], offsets: [5] });
  });

  it('finds nothing in text without protocols', () => {
    expect(findProtocolWords('')).toEqual({ protocols: [], offsets: [] });
    expect(findProtocolWords('Both, IPv4 only')).toEqual({ protocols: [], offsets: [] });
  });
});
