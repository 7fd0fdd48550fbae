import { describe, expect, it } from 'vitest';
import { expectPort, ports, span, unreadable } from './port-cell-readings.js';
import {
  checkPortSpan,
  parsePortRange,
  portPattern,
  readPortCell,
  readPortSlashProtocol,
  type PortCellReading,
} from '../src/grammar/port-cell.js';


describe('rule range', () => {
  it.each<[string, PortCellReading]>([
    ['80', ports([span(80, 80, '80', 0)])],
    // Port 0 is read, and doubted: callers report the doubt as a warning.
    ['0', ports([span(0, 0, '0', 0, [], [], ['Unexpected port 0 (`0`), expected a port from 1 to 65535 (port 0 means no port, or any free one); no record'])])],
    ['70000', ports([span(70000, 70000, '70000', 0)])],
    ['30-20', ports([span(30, 20, '30-20', 0)])],
    ['  80  ', ports([span(80, 80, '80', 2)])],
    ['225-229', ports([span(225, 229, '225-229', 0)])],
    ['225–229', ports([span(225, 229, '225–229', 0)])],
    ['225—229', ports([span(225, 229, '225—229', 0)])],
    ['1‑5', ports([span(1, 5, '1‑5', 0)])],
    ['1024 - 65535', ports([span(1024, 65535, '1024 - 65535', 0)])],
    ['1024 -65535', ports([span(1024, 65535, '1024 -65535', 0)])],
    ['1024- 65535', ports([span(1024, 65535, '1024- 65535', 0)])],
    ['6000 to 6063', ports([span(6000, 6063, '6000 to 6063', 0)])],
    ['137 through 139', ports([span(137, 139, '137 through 139', 0)])],
    ['1\u00a0–\u00a02', ports([span(1, 2, '1\u00a0–\u00a02', 0)])],
  ])('%j', (text, expected) => {
    expect(readPortCell(text)).toEqual(expected);
  });
});

describe('rule separator', () => {
  it.each<[string, PortCellReading]>([
    ['1645,1646,1812, and 1813', ports([span(1645, 1645, '1645', 0), span(1646, 1646, '1646', 5), span(1812, 1812, '1812', 10), span(1813, 1813, '1813', 20)])],
    ['139 445', ports([span(139, 139, '139', 0), span(445, 445, '445', 4)])],
    ['1067, 1068', ports([span(1067, 1067, '1067', 0), span(1068, 1068, '1068', 6)])],
    ['80;443', ports([span(80, 80, '80', 0), span(443, 443, '443', 3)])],
    ['80 or 443', ports([span(80, 80, '80', 0), span(443, 443, '443', 6)])],
    ['80 + 443', ports([span(80, 80, '80', 0), span(443, 443, '443', 5)])],
    ['80 & 443', ports([span(80, 80, '80', 0), span(443, 443, '443', 5)])],
    ['80, or 443', ports([span(80, 80, '80', 0), span(443, 443, '443', 7)])],
    ['20-21, 989 and 990', ports([span(20, 21, '20-21', 0), span(989, 989, '989', 7), span(990, 990, '990', 15)])],
    ['80\u00a0443', ports([span(80, 80, '80', 0), span(443, 443, '443', 3)])],
    ['80\t\t443', ports([span(80, 80, '80', 0), span(443, 443, '443', 4)])],
  ])('%j', (text, expected) => {
    expect(readPortCell(text)).toEqual(expected);
  });
});

describe('rule slashProtocols and protocol words', () => {
  it.each<[string, PortCellReading]>([
    ['443/tcp', ports([span(443, 443, '443/tcp', 0, ['tcp'])])],
    ['8080/TCP', ports([span(8080, 8080, '8080/TCP', 0, ['TCP'])])],
    ['20000-20050/udp', ports([span(20000, 20050, '20000-20050/udp', 0, ['udp'])])],
    ['53/tcp/udp', ports([span(53, 53, '53/tcp/udp', 0, ['tcp', 'udp'])])],
    ['TCP/443', ports([span(443, 443, 'TCP/443', 0, ['TCP'])])],
    ['443/tcp, 53/udp', ports([span(443, 443, '443/tcp', 0, ['tcp']), span(53, 53, '53/udp', 9, ['udp'])])],
  ])('%j', (text, expected) => {
    expect(readPortCell(text)).toEqual(expected);
  });
});

describe('rule protocolGroup', () => {
  it.each<[string, PortCellReading]>([
    ['TCP 80', ports([span(80, 80, '80', 4, ['TCP'])])],
    ['80 TCP', ports([span(80, 80, '80', 0, ['TCP'])])],
    ['10000 UDP', ports([span(10000, 10000, '10000', 0, ['UDP'])])],
    ['TCP 80, UDP 53', ports([span(80, 80, '80', 4, ['TCP']), span(53, 53, '53', 12, ['UDP'])])],
    ['80 TCP and 443 UDP', ports([span(80, 80, '80', 0, ['TCP']), span(443, 443, '443', 11, ['UDP'])])],
    // Protocol words written before a port carry to the ports after it that name none;
    // written after a port, they stay with it.
    ['TCP 80 and 443', ports([span(80, 80, '80', 4, ['TCP']), span(443, 443, '443', 11, ['TCP'])])],
    ['80 and 443 TCP', ports([span(80, 80, '80', 0), span(443, 443, '443', 7, ['TCP'])])],
    ['53 TCP/UDP', ports([span(53, 53, '53', 0, ['TCP', 'UDP'])])],
    ['53 TCP & UDP', ports([span(53, 53, '53', 0, ['TCP', 'UDP'])])],
    ['53 TCP and UDP', ports([span(53, 53, '53', 0, ['TCP', 'UDP'])])],
    ['TCP/UDP 53', ports([span(53, 53, '53', 8, ['TCP', 'UDP'])])],
    ['8080 TCP only', ports([span(8080, 8080, '8080', 0, ['TCP'])])],
  ])('%j', (text, expected) => {
    expect(readPortCell(text)).toEqual(expected);
  });
});

describe('rule label', () => {
  it.each<[string, PortCellReading]>([
    ['135 + Dynamic: 1024 -65535', ports([span(135, 135, '135', 0), span(1024, 65535, '1024 -65535', 15, [], ['Dynamic'])])],
    ['HTTP: 80, HTTPS: 443', ports([span(80, 80, '80', 6, [], ['HTTP']), span(443, 443, '443', 17, [], ['HTTPS'])])],
    ['Non-secure: 80', ports([span(80, 80, '80', 12, [], ['Non-secure'])])],
    ['UDP: 53, 5353', ports([span(53, 53, '53', 5, ['UDP']), span(5353, 5353, '5353', 9, ['UDP'])])],
    ['Dynamic: TCP 1024-65535', ports([span(1024, 65535, '1024-65535', 13, ['TCP'], ['Dynamic'])])],
  ])('%j', (text, expected) => {
    expect(readPortCell(text)).toEqual(expected);
  });
});

describe('rule qualifiers: parentheticals', () => {
  it.each<[string, PortCellReading]>([
    ['80 (HTTP), 443 (HTTPS)', ports([span(80, 80, '80', 0, [], ['HTTP']), span(443, 443, '443', 11, [], ['HTTPS'])])],
    ['53  (DNS)', ports([span(53, 53, '53', 0, [], ['DNS'])])],
    // Protocol words alone in parentheses are the port's protocols, not a note.
    ['8080 (TCP only)', ports([span(8080, 8080, '8080', 0, ['tcp'])])],
    ['8301(UDP)', ports([span(8301, 8301, '8301', 0, ['udp'])])],
    ['53 (TCP/UDP)', ports([span(53, 53, '53', 0, ['tcp', 'udp'])])],
    ['8300, 8301(UDP), 8500', ports([span(8300, 8300, '8300', 0), span(8301, 8301, '8301', 6, ['udp']), span(8500, 8500, '8500', 17)])],
    // Closing the cell, they name the protocols of every port that names none, as a closing note qualifies the cell.
    ['80, 443 (TCP)', ports([span(80, 80, '80', 0, ['tcp']), span(443, 443, '443', 4, ['tcp'])])],
    ['80/udp, 443 (TCP)', ports([span(80, 80, '80/udp', 0, ['udp']), span(443, 443, '443', 8, ['tcp'])])],
    ['80 (HTTP), 443 (TCP)', ports([span(80, 80, '80', 0, [], ['HTTP']), span(443, 443, '443', 11, ['tcp'])])],
    // Glued to its port, they are that port's alone.
    ['8300, 8301(UDP)', ports([span(8300, 8300, '8300', 0), span(8301, 8301, '8301', 6, ['udp'])])],
    ['443 (IPv6)', ports([span(443, 443, '443', 0, [], ['IPv6'])])],
    ['80 or 443 (by default)', ports([span(80, 80, '80', 0), span(443, 443, '443', 6)], [], ['by default'])],
    ['80, 443 (HTTPS) (by default)', ports([span(80, 80, '80', 0), span(443, 443, '443', 4, [], ['HTTPS'])], [], ['by default'])],
    ['80 (HTTP (legacy))', ports([span(80, 80, '80', 0, [], ['HTTP (legacy)'])])],
    ['80(  by\u00a0 default )', ports([span(80, 80, '80', 0, [], ['by default'])])],
    ['443/tcp (HTTPS)', ports([span(443, 443, '443/tcp', 0, ['tcp'], ['HTTPS'])])],
  ])('%j', (text, expected) => {
    expect(readPortCell(text)).toEqual(expected);
  });
});

describe('rule qualifiers: footnotes', () => {
  it.each<[string, PortCellReading]>([
    ['0, 8 *', ports([span(0, 0, '0', 0, [], [], ['Unexpected port 0 (`0`), expected a port from 1 to 65535 (port 0 means no port, or any free one); no record']), span(8, 8, '8', 3, [], ['footnote *'])])],
    ['80*', ports([span(80, 80, '80', 0, [], ['footnote *'])])],
    ['80 **', ports([span(80, 80, '80', 0, [], ['footnote **'])])],
    ['80†', ports([span(80, 80, '80', 0, [], ['footnote †'])])],
    ['80 ‡', ports([span(80, 80, '80', 0, [], ['footnote ‡'])])],
    ['80^3', ports([span(80, 80, '80', 0, [], ['footnote 3'])])],
    ['80[3]', ports([span(80, 80, '80', 0, [], ['footnote 3'])])],
    ['80 [a]', ports([span(80, 80, '80', 0, [], ['footnote a'])])],
    // A GFM footnote reference: its label may be long and hold `-` and `_`.
    ['8600[^Consul-notes]', ports([span(8600, 8600, '8600', 0, [], ['footnote Consul-notes'])])],
    ['80 [^1]', ports([span(80, 80, '80', 0, [], ['footnote 1'])])],
    ['80³', ports([span(80, 80, '80', 0, [], ['footnote 3'])])],
    ['80*, 443', ports([span(80, 80, '80', 0, [], ['footnote *']), span(443, 443, '443', 5)])],
    ['80 (HTTP) *', ports([span(80, 80, '80', 0, [], ['HTTP', 'footnote *'])])],
  ])('%j', (text, expected) => {
    expect(readPortCell(text)).toEqual(expected);
  });
});

describe('rule wordsAroundPorts', () => {
  it.each<[string, PortCellReading]>([
    ['disabled (8501)', ports([span(8501, 8501, '8501', 10)], [], ['disabled'])],
    ['Web UI, disabled (8501)', ports([span(8501, 8501, '8501', 18)], [], ['Web UI, disabled'])],
    ['disabled (8501 (TCP))', ports([span(8501, 8501, '8501', 10, ['tcp'])], [], ['disabled'])],
    ['TCP (80, 443)', ports([span(80, 80, '80', 5), span(443, 443, '443', 9)], ['TCP'])],
    ['TCP and UDP (53)', ports([span(53, 53, '53', 13)], ['TCP', 'UDP'])],
  ])('%j', (text, expected) => {
    expect(readPortCell(text)).toEqual(expected);
  });
});

describe('rule noPort', () => {
  it.each(['', '   ', '\u00a0', 'N/A', 'n/a', '-', '–', '—', 'none', 'None', ' None ', 'X', 'x', '✗', '✘', '×'])('%j', (text) => {
    expect(readPortCell(text)).toEqual({ kind: 'none', notes: [] });
  });

  it('keeps parentheticals after the word as notes', () => {
    expect(readPortCell('N/A (retired)')).toEqual({ kind: 'none', notes: ['retired'] });
  });
});

describe('what it cannot read', () => {
  it.each<[string, number, string]>([
    ['Kubernetes API 6443', 0, `Unexpected \`Kubernetes\` in a port cell, ${expectPort}`],
    ['8080/http', 5, 'Unexpected `http` in a port cell, expected a protocol word or a port after `/`'],
    ['80abc', 0, `Unexpected \`80abc\` in a port cell, ${expectPort}`],
    ['port eighty', 0, `Unexpected \`port\` in a port cell, ${expectPort}`],
    ['disabled (http)', 0, `Unexpected \`disabled\` in a port cell, ${expectPort}`],
    ['(HTTP)', 0, `Unexpected \`(HTTP)\` in a port cell, ${expectPort}`],
    ['80,', 2, 'Unexpected `,` in a port cell, expected a port after it'],
    ['80 and', 3, 'Unexpected `and` in a port cell, expected a port after it'],
    ['80,,443', 3, `Unexpected \`,\` in a port cell, ${expectPort}`],
    ['(', 0, 'Unexpected `(` in a port cell, expected a closing `)`'],
    ['80 (HTTP', 3, 'Unexpected `(` in a port cell, expected a closing `)`'],
    ['80)', 2, 'Unexpected `)` in a port cell, expected an opening `(` before it'],
    ['12345678901', 0, 'Unexpected `12345678901` in a port cell, expected a port of at most 10 digits'],
    ['TCP', 0, 'Unexpected `TCP` in a port cell, expected a port after it'],
    ['TCP only', 4, 'Unexpected `only` in a port cell, expected a port after it'],
    ['TCP 80 UDP', 7, 'Unexpected `UDP` in a port cell, expected a port after it'],
    ['80, TCP', 4, 'Unexpected `TCP` in a port cell, expected a port before a protocol word'],
    ['80 -', 3, 'Unexpected `-` in a port cell, expected the last port of a range after it'],
    ['80 - http', 5, 'Unexpected `http` in a port cell, expected the last port of a range after `-`'],
    ['80 to', 3, 'Unexpected `to` in a port cell, expected the last port of a range after it'],
    ['80/', 2, 'Unexpected `/` in a port cell, expected a protocol word or a port after it'],
    ['80/ tcp', 4, 'Unexpected `tcp` in a port cell, expected a protocol word or a port after `/`'],
    ['1-2-3', 3, 'Unexpected `-` in a port cell, expected a separator between ports (`,`, `;`, `and`, `or`, `+`, `&` or a space)'],
    ['80.', 2, 'Unexpected `.` in a port cell, expected a separator between ports (`,`, `;`, `and`, `or`, `+`, `&` or a space)'],
    ['80 #1', 3, `Unexpected \`#\` in a port cell, ${expectPort}`],
    ['80 ()', 3, 'Unexpected `()` in a port cell, expected a qualifier inside the parentheses'],
    ['80 [note 1]', 3, 'Unexpected `[` in a port cell, expected a footnote like `[3]`'],
    ['80^', 2, 'Unexpected `^` in a port cell, expected a footnote like `^3`'],
    ['80[^]', 2, 'Unexpected `[` in a port cell, expected a footnote like `[3]` or `[^label]`'],
    ['80[^a b]', 2, 'Unexpected `[` in a port cell, expected a footnote like `[3]` or `[^label]`'],
    ['Dynamic:', 0, 'Unexpected `Dynamic:` in a port cell, expected a port after it'],
    ['A: B: 80', 3, `Unexpected \`B\` in a port cell, ${expectPort}`],
    ['x'.repeat(100), 0, `Unexpected \`${'x'.repeat(39)}…\` in a port cell, ${expectPort}`],
  ])('%j', (text, offset, reason) => {
    expect(readPortCell(text)).toEqual({ kind: 'unreadable', reason, offset });
  });

  it('reads the whole cell before it says yes: a good start does not hide a bad end', () => {
    expect(readPortCell('80, 443, http')).toEqual(unreadable(9, `Unexpected \`http\` in a port cell, ${expectPort}`));
  });
});

describe('checkPortSpan', () => {
  it('accepts spans within bounds', () => {
    expect(checkPortSpan(span(0, 65535, '0-65535', 0))).toEqual({ ok: true, start: 0, end: 65535 });
  });

  it('words bounds problems as parsePortRange does', () => {
    expect(checkPortSpan(span(70000, 70000, '70000', 0))).toEqual({
      ok: false,
      reason: 'Unexpected port 70000, expected 0–65535',
      ruleId: 'port-range',
    });
    expect(checkPortSpan(span(30, 20, '30-20/tcp', 0))).toEqual({
      ok: false,
      reason: 'Unexpected range `30-20/tcp`, expected the first port not to exceed the last',
      ruleId: 'port-range',
    });
  });

  it('leaves parsePortRange as it was', () => {
    expect(parsePortRange(' 1024 – 49151 ')).toEqual({ ok: true, start: 1024, end: 49151 });
    expect(parsePortRange('http')).toEqual({
      ok: false,
      reason: 'Unexpected port `http`, expected a number or a range like `225-229`',
      ruleId: 'port-range',
    });
  });
});

describe('the highest port is 65535', () => {
  const tooHigh = (port: number) => ({ ok: false, reason: `Unexpected port ${port}, expected 0–65535`, ruleId: 'port-range' });

  it('parsePortRange accepts 65535 and 0–65535, as a port, a range start and a range end', () => {
    expect(parsePortRange('65535')).toEqual({ ok: true, start: 65535, end: 65535 });
    expect(parsePortRange('0-65535')).toEqual({ ok: true, start: 0, end: 65535 });
    expect(parsePortRange('65535-65535')).toEqual({ ok: true, start: 65535, end: 65535 });
    expect(parsePortRange('65534 – 65535')).toEqual({ ok: true, start: 65534, end: 65535 });
  });

  it('parsePortRange refuses 65536, as a port, a range start and a range end', () => {
    expect(parsePortRange('65536')).toEqual(tooHigh(65536));
    expect(parsePortRange('65535-65536')).toEqual(tooHigh(65536));
    expect(parsePortRange('0-65536')).toEqual(tooHigh(65536));
    expect(parsePortRange('65536-65536')).toEqual(tooHigh(65536));
    // The first port out of bounds is the one named, before the order check.
    expect(parsePortRange('65537-65536')).toEqual(tooHigh(65537));
    expect(parsePortRange('65536-1')).toEqual(tooHigh(65536));
  });

  it('checkPortSpan draws the same line', () => {
    expect(checkPortSpan(span(65535, 65535, '65535', 0))).toEqual({ ok: true, start: 65535, end: 65535 });
    expect(checkPortSpan(span(65536, 65536, '65536', 0))).toEqual(tooHigh(65536));
    expect(checkPortSpan(span(1, 65536, '1-65536', 0))).toEqual(tooHigh(65536));
    expect(checkPortSpan(span(65536, 1, '65536-1', 0))).toEqual(tooHigh(65536));
  });

  it('a range whose ends are equal is one port; a reversed range is refused', () => {
    expect(parsePortRange('80-80')).toEqual({ ok: true, start: 80, end: 80 });
    expect(parsePortRange('81-80')).toEqual({
      ok: false,
      reason: 'Unexpected range `81-80`, expected the first port not to exceed the last',
      ruleId: 'port-range',
    });
    expect(checkPortSpan(span(81, 80, '81 - 80', 0))).toEqual({
      ok: false,
      reason: 'Unexpected range `81 - 80`, expected the first port not to exceed the last',
      ruleId: 'port-range',
    });
  });
});

describe('readPortSlashProtocol', () => {
  it('reads N/word and N-M/word as written', () => {
    expect(readPortSlashProtocol('443/tcp')).toEqual({ port: '443', protocol: 'tcp' });
    expect(readPortSlashProtocol('1-5/UDP')).toEqual({ port: '1-5', protocol: 'UDP' });
    expect(readPortSlashProtocol('0/ddp')).toEqual({ port: '0', protocol: 'ddp' });
  });

  it.each(['443 /tcp', '443/tcp ', ' 443/tcp', '443', 'tcp/443', '443/tcp6', '1–5/tcp', '1 - 5/tcp', '12345678901/tcp', '443/', '/tcp'])(
    'refuses %j',
    (text) => {
      expect(readPortSlashProtocol(text)).toBeNull();
    },
  );
});

describe('portPattern', () => {
  const whole = new RegExp(`^${portPattern}$`);

  it('matches one port or one range', () => {
    expect(['80', '225-229', '0', '1234567890'].map((text) => whole.test(text))).toEqual([true, true, true, true]);
    expect(['1 - 2', '80/tcp', '12345678901', '', '-5'].map((text) => whole.test(text))).toEqual([false, false, false, false, false]);
  });

  it('has no capturing groups, so callers can number their own', () => {
    expect(new RegExp(`(${portPattern})`).exec('80-90')).toHaveLength(2);
  });
});
