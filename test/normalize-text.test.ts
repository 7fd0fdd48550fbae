/**
 * Text normalization: each rule on its own, with the text it must give and the
 * original places its points must map back to (worked out by hand), then
 * properties over random mixes, one check over every code point that the
 * result is NFC, and a growth check that the work stays linear.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeText, type NormalizedText } from '../src/input/normalize-text.js';
import type { Point } from '../src/model/location.js';
import { expectLinear } from './linear-growth.js';

const at = (line: number, column: number): Point => ({ line, column });

/** The original point of every column of a one-line result, in order. */
function originalColumns(result: NormalizedText, line = 1): number[] {
  const text = result.text.split('\n')[line - 1] ?? '';
  return Array.from({ length: text.length + 1 }, (_, index) => result.original(at(line, index + 1)).column);
}

describe('normalizeText', () => {
  describe('a text that needs nothing', () => {
    it('comes back as the very same string, with no changes and points unmoved', () => {
      const clean = 'Port\t80/tcp  http \n\n  indented\té 日本 🚀 ½ ﬁ\ttrailing \t\n';
      const result = normalizeText(clean);
      expect(result.text).toBe(clean);
      expect(result.changes).toEqual([]);
      expect(result.original(at(3, 12))).toEqual(at(3, 12));
    });

    it('comes back as the very same string when its marks are already composed as far as they go', () => {
      const clean = 'x\u0334 and \u0301 alone, q\u0316\u0301';
      expect(normalizeText(clean).text).toBe(clean);
    });

    it('returns the empty text as it is', () => {
      expect(normalizeText('').text).toBe('');
    });
  });

  describe('byte-order mark', () => {
    it('drops a leading mark without counting it as a column, as decodeText does', () => {
      const result = normalizeText('\uFEFFport 80');
      expect(result.text).toBe('port 80');
      expect(result.original(at(1, 1))).toEqual(at(1, 1));
      expect(result.original(at(1, 6))).toEqual(at(1, 6));
    });

    it('places a control on line 1 as if the mark were not there', () => {
      expect(normalizeText('\uFEFFa\u0007').changes).toEqual([{ kind: 'control', place: at(1, 2), codePoint: 0x07 }]);
    });

    it('removes a mark elsewhere as an invisible character, shifting what follows', () => {
      const result = normalizeText('\uFEFF\uFEFFab\nc\uFEFFd');
      expect(result.text).toBe('ab\ncd');
      expect(result.original(at(1, 1))).toEqual(at(1, 2));
      expect(result.original(at(2, 2))).toEqual(at(2, 3));
    });
  });

  describe('line endings', () => {
    it('turns CRLF and lone CR into LF, keeping every line number', () => {
      const result = normalizeText('a\r\nbb\rc\nd\r');
      expect(result.text).toBe('a\nbb\nc\nd\n');
      expect(result.text.split('\n')).toHaveLength(5);
      expect(result.original(at(2, 2))).toEqual(at(2, 2));
      expect(result.original(at(4, 1))).toEqual(at(4, 1));
    });

    it('reads CR followed by CRLF as two line breaks', () => {
      expect(normalizeText('\r\r\nx').text).toBe('\n\nx');
    });

    it('keeps counting lines right after a CRLF in front of other work', () => {
      const result = normalizeText('one\r\ntwo\r\nt\u200Bhree\r\n');
      expect(result.text).toBe('one\ntwo\nthree\n');
      expect(result.original(at(3, 2))).toEqual(at(3, 3));
      expect(result.original(at(2, 2))).toEqual(at(2, 2));
    });
  });

  describe('Unicode spaces', () => {
    const spaces: [string, number][] = [
      ['no-break space', 0x00a0],
      ['ogham space mark', 0x1680],
      ['en quad', 0x2000],
      ['em space', 0x2003],
      ['thin space', 0x2009],
      ['hair space', 0x200a],
      ['narrow no-break space', 0x202f],
      ['medium mathematical space', 0x205f],
      ['ideographic space', 0x3000],
    ];
    it.each(spaces)('turns a %s into an ASCII space in place', (_name, code) => {
      const result = normalizeText(`a${String.fromCharCode(code)}b`);
      expect(result.text).toBe('a b');
      expect(originalColumns(result)).toEqual([1, 2, 3, 4]);
      expect(result.changes).toEqual([]);
    });

    it('keeps a trailing one as a trailing space', () => {
      expect(normalizeText('80\u00a0\n').text).toBe('80 \n');
    });
  });

  describe('invisible characters', () => {
    const invisibles: [string, number][] = [
      ['zero width space', 0x200b],
      ['zero width non-joiner', 0x200c],
      ['zero width joiner', 0x200d],
      ['word joiner', 0x2060],
      ['zero width no-break space', 0xfeff],
      ['soft hyphen', 0x00ad],
    ];
    it.each(invisibles)('removes a %s, so what follows maps one column on', (_name, code) => {
      const result = normalizeText(`ab${String.fromCharCode(code)}cd`);
      expect(result.text).toBe('abcd');
      expect(originalColumns(result)).toEqual([1, 2, 4, 5, 6]);
    });

    it('maps `b` in "a, no-break space, zero width space, b" from column 3 to column 4', () => {
      const result = normalizeText('a\u00a0\u200bb');
      expect(result.text).toBe('a b');
      expect(result.original(at(1, 3))).toEqual(at(1, 4));
    });

    it('maps a line made of invisibles only to the end of the original line', () => {
      const result = normalizeText('x\n\u200b\u200b\ny');
      expect(result.text).toBe('x\n\ny');
      expect(result.original(at(2, 1))).toEqual(at(2, 3));
      expect(result.original(at(3, 1))).toEqual(at(3, 1));
    });
  });

  describe('full-width digits', () => {
    it('become ASCII digits in place', () => {
      const result = normalizeText('port \uFF10\uFF11\uFF12\uFF13\uFF14\uFF15\uFF16\uFF17\uFF18\uFF19');
      expect(result.text).toBe('port 0123456789');
      expect(result.original(at(1, 15))).toEqual(at(1, 15));
    });
  });

  describe('NFC', () => {
    it('composes "e, combining acute, x": `x` moves from column 3 to column 2', () => {
      const result = normalizeText('e\u0301x');
      expect(result.text).toBe('\u00e9x');
      expect(originalColumns(result)).toEqual([1, 3, 4]);
    });

    it('maps every unit of a run that grows to where the run starts', () => {
      // U+1D15E MUSICAL SYMBOL HALF NOTE decomposes to U+1D157 U+1D165: 2 code units become 4.
      const result = normalizeText('a\u{1D15E}b');
      expect(result.text).toBe('a\u{1D157}\u{1D165}b');
      expect(originalColumns(result)).toEqual([1, 2, 2, 2, 2, 4, 5]);
    });

    it('starts a run at an astral base, not inside its surrogate pair', () => {
      const result = normalizeText('x\u{1F600}\u0301\u0316y');
      expect(result.text).toBe('x\u{1F600}\u0316\u0301y');
      expect(originalColumns(result)).toEqual([1, 2, 2, 2, 2, 6, 7]);
    });

    it('reorders marks and maps the reordered run to its start', () => {
      const result = normalizeText('q\u0301\u0316z');
      expect(result.text).toBe('q\u0316\u0301z');
      expect(originalColumns(result)).toEqual([1, 1, 1, 4, 5]);
    });

    it('composes Hangul jamo into one syllable', () => {
      const result = normalizeText('\u1100\u1161\u11A8!');
      expect(result.text).toBe('\uAC01!');
      expect(originalColumns(result)).toEqual([1, 4, 5]);
    });

    it('replaces a singleton such as the Kelvin sign in place', () => {
      const result = normalizeText('5 \u212A, 1 \u2126, \u212B');
      expect(result.text).toBe('5 K, 1 \u03A9, \u00C5');
      expect(originalColumns(result)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    });

    it('composes a mark with its letter across a removed invisible character', () => {
      const result = normalizeText('e\u200b\u0301x');
      expect(result.text).toBe('\u00e9x');
      expect(originalColumns(result)).toEqual([1, 4, 5]);
    });

    it('keeps columns exact when removals and compositions share a line', () => {
      const result = normalizeText('a\u200be\u0301x\u200by');
      expect(result.text).toBe('a\u00e9xy');
      expect(originalColumns(result)).toEqual([1, 3, 5, 7, 8]);
    });

    it('works on each line on its own and leaves the other lines without a map', () => {
      const result = normalizeText('ab\u200bc\nde\u0301f\ngh');
      expect(result.text).toBe('abc\nd\u00e9f\ngh');
      expect(originalColumns(result, 1)).toEqual([1, 2, 4, 5]);
      expect(originalColumns(result, 2)).toEqual([1, 2, 4, 5]);
      expect(originalColumns(result, 3)).toEqual([1, 2, 3]);
    });
  });

  describe('control characters', () => {
    const controls: [string, number][] = [
      ['NUL', 0x00],
      ['BACKSPACE', 0x08],
      ['LINE TABULATION', 0x0b],
      ['FORM FEED', 0x0c],
      ['SHIFT OUT', 0x0e],
      ['ESCAPE', 0x1b],
      ['INFORMATION SEPARATOR ONE', 0x1f],
      ['DELETE', 0x7f],
      ['PADDING CHARACTER (C1)', 0x80],
      ['NEXT LINE (C1)', 0x85],
      ['APPLICATION PROGRAM COMMAND (C1)', 0x9f],
      ['LEFT-TO-RIGHT EMBEDDING', 0x202a],
      ['RIGHT-TO-LEFT OVERRIDE', 0x202e],
      ['LEFT-TO-RIGHT ISOLATE', 0x2066],
      ['POP DIRECTIONAL ISOLATE', 0x2069],
    ];
    it.each(controls)('replaces %s by U+FFFD and records it at its original place', (_name, code) => {
      const result = normalizeText(`ab\n\u200bc${String.fromCharCode(code)}d`);
      expect(result.text).toBe('ab\nc\uFFFDd');
      expect(result.changes).toEqual([{ kind: 'control', place: at(2, 3), codePoint: code }]);
      expect(result.original(at(2, 2))).toEqual(at(2, 3));
    });

    it('records several in document order', () => {
      const result = normalizeText('\u0001a\u202E\r\n\u0000\t\u0085');
      expect(result.text).toBe('\uFFFDa\uFFFD\n\uFFFD\t\uFFFD');
      expect(result.changes).toEqual([
        { kind: 'control', place: at(1, 1), codePoint: 0x01 },
        { kind: 'control', place: at(1, 3), codePoint: 0x202e },
        { kind: 'control', place: at(2, 1), codePoint: 0x00 },
        { kind: 'control', place: at(2, 3), codePoint: 0x85 },
      ]);
    });

    it('keeps a U+FFFD already in the text without recording it', () => {
      const text = 'bad \uFFFD byte';
      const result = normalizeText(text);
      expect(result.text).toBe(text);
      expect(result.changes).toEqual([]);
    });
  });

  describe('what is kept', () => {
    it('keeps tabs, leading spaces and trailing whitespace as they are', () => {
      const result = normalizeText('\t  80\t tcp \t\n    x  \u00a0');
      expect(result.text).toBe('\t  80\t tcp \t\n    x   ');
      expect(originalColumns(result, 2)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    });
  });

  describe('original', () => {
    const result = normalizeText('a\u200bb\u200bc\nxyz');

    it('maps a column past the end of a changed line past the original end by the same distance', () => {
      expect(result.original(at(1, 4))).toEqual(at(1, 6));
      expect(result.original(at(1, 10))).toEqual(at(1, 12));
    });

    it('returns a point on an unknown or unchanged line unchanged', () => {
      expect(result.original(at(2, 3))).toEqual(at(2, 3));
      expect(result.original(at(7, 4))).toEqual(at(7, 4));
      expect(result.original(at(0, 2))).toEqual(at(0, 2));
    });

    it('returns a column before the first unchanged', () => {
      expect(result.original(at(1, 0))).toEqual(at(1, 0));
    });

    it('returns a new point, never the one it was given', () => {
      const point = at(2, 1);
      expect(result.original(point)).not.toBe(point);
      expect(normalizeText('clean').original(point)).not.toBe(point);
    });
  });

  describe('properties', () => {
    const pieces = [
      'a', 'e', 'x', 'Z', 'q', ' ', '\t', '\n', '\r', '\r\n', '\u00e9', '\uFFFD', '🚀',
      '\uFEFF', '\u00a0', '\u1680', '\u2003', '\u202f', '\u205f', '\u3000',
      '\u200b', '\u200c', '\u200d', '\u2060', '\u00ad', '\uFF10', '\uFF19',
      '\u0301', '\u0308', '\u0316', '\u0327', '\u1100', '\u1161', '\u11A8', '\u212B', '\u{1D15E}',
      '\u0000', '\u0007', '\u000b', '\u001b', '\u007f', '\u0085', '\u009f', '\u202a', '\u202e', '\u2066', '\u2069',
    ];
    const mixed = fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((parts) => parts.join(''));
    /** The original's lines as a reader of the original file sees them (a leading BOM is no column). */
    const linesOf = (raw: string) => raw.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);

    it('maps every ASCII letter of the result back to the same letter in the original', () => {
      fc.assert(
        fc.property(mixed, (raw) => {
          const result = normalizeText(raw);
          const before = linesOf(raw);
          const after = result.text.split('\n');
          expect(after).toHaveLength(before.length);
          after.forEach((text, index) => {
            for (let column = 1; column <= text.length; column++) {
              const letter = text[column - 1] ?? '';
              if (!/[a-z]/i.test(letter)) continue;
              const place = result.original(at(index + 1, column));
              expect(place.line).toBe(index + 1);
              expect(before[index]?.[place.column - 1]).toBe(letter);
            }
          });
        }),
        { numRuns: 500 },
      );
    });

    it('leaves no CR, control, special space or invisible character, and gives NFC', () => {
      fc.assert(
        fc.property(mixed, (raw) => {
          const { text, changes } = normalizeText(raw);
          expect(text).not.toMatch(/[\r\x00-\x08\x0B-\x1F\x7F-\xA0\xAD\u1680\u2000-\u200D\u202A-\u202F\u205F\u2060\u2066-\u2069\u3000\uFEFF\uFF10-\uFF19]/);
          expect(text.normalize('NFC')).toBe(text);
          const controls = raw.match(/[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F\u202A-\u202E\u2066-\u2069]/g) ?? [];
          expect(changes.map((change) => change.codePoint)).toEqual(controls.map((control) => control.charCodeAt(0)));
          for (const change of changes) {
            const line = linesOf(raw)[change.place.line - 1] ?? '';
            expect(line.charCodeAt(change.place.column - 1)).toBe(change.codePoint);
          }
        }),
        { numRuns: 500 },
      );
    });

    it('gives NFC for every code point: alone, decomposed after a letter, and as a mark before another', () => {
      const mark = /^\p{M}$/u;
      const notNfc: string[] = [];
      for (let code = 0; code <= 0x10ffff; code++) {
        if (code >= 0xd800 && code <= 0xdfff) continue;
        const character = String.fromCodePoint(code);
        const decomposed = character.normalize('NFD');
        const texts = [character];
        if (decomposed !== character) texts.push(`x${decomposed}`);
        // A mark of a lower class lets `e` compose with the acute behind it.
        if (mark.test(character)) texts.push(`e${character}\u0301`);
        for (const raw of texts) {
          const { text } = normalizeText(raw);
          if (text.normalize('NFC') !== text) notNfc.push(code.toString(16));
        }
      }
      expect(notNfc).toEqual([]);
    });
  });

  describe('linear time', () => {
    /** Each case's base size; work that takes under 10 ms is repeated until it does (linear-growth.ts). */
    const inputs: [string, number, (size: number) => string][] = [
      ['short lines with every kind of change', 100_000, (size) => 'Port\u00a080\u200b/tcp e\u0301 \uFF18\uFF10 \u0007 x\r\n'.repeat(size / 30)],
      ['one long line of removed characters', 400_000, (size) => 'a\u200b'.repeat(size / 2)],
      ['one long line of composed runs', 100_000, (size) => 'e\u0301'.repeat(size / 2)],
      ['a clean text', 1_000_000, (size) => 'Port 80/tcp  http\n'.repeat(size / 18)],
    ];

    it.each(inputs)('stays linear on %s', (_name, size, make) => {
      // Mapping every line back is part of the work a reader does.
      const work = (text: string) => {
        const result = normalizeText(text);
        const lines = result.text.split('\n');
        lines.forEach((line, index) => result.original(at(index + 1, line.length)));
      };
      expectLinear(work, make(size), make(size * 4));
    });
  });
});
