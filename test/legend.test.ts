import { describe, expect, it } from 'vitest';
import { matchLegend, splitLegendItem, wordsOf, type LegendEntry } from '../src/parsers/tables/legend.js';

const place = { line: 1, column: 1 };
const entry = (text: string): LegendEntry => {
  const split = splitLegendItem(text, place);
  if (!split) throw new Error(`not a legend item: ${text}`);
  return split;
};

const rowNames = [
  'PeSIT',
  'SSL',
  'SFTP',
  'COMS',
  'Copilot',
  'Transfer CFT UI (Copilot) server for Central Governance',
  'REST API',
  'Central Governance',
  'Central Governance SSL',
  'Secure Relay MA',
  'Secure Relay RA',
];

describe('legend items', () => {
  it('split into term, parenthetical qualifier and description', () => {
    expect(splitLegendItem('PeSIT (PESITANY protocol): PeSIT in plain text', place)).toEqual({
      term: 'PeSIT',
      qualifier: 'PESITANY protocol',
      description: 'PeSIT in plain text',
      place,
    });
    expect(splitLegendItem('SSL: PeSIT protocol over SSL/TLS', place)).toEqual({
      term: 'SSL',
      qualifier: null,
      description: 'PeSIT protocol over SSL/TLS',
      place,
    });
    expect(splitLegendItem('No colon at all', place)).toBeNull();
  });

  it('compare by lower-case words, ignoring punctuation', () => {
    expect(wordsOf('Transfer CFT UI (Copilot) server')).toEqual(['transfer', 'cft', 'ui', 'copilot', 'server']);
  });
});

describe('matchLegend on the Transfer CFT legend', () => {
  const matches = matchLegend(
    [
      entry('PeSIT (PESITANY protocol): PeSIT in plain text'),
      entry('SSL: PeSIT protocol over SSL/TLS'),
      entry('COMS: Synchronous transfers'),
      entry('Copilot: Provides access to Transfer CFT UI server from a user Internet browser'),
      entry('Copilot for Central Governance: Provides secure access for Central Governance (mutual authentication)'),
      entry('Central Governance: Used to connect to Central Governance'),
    ],
    rowNames,
  );
  const summary = matches.map((match) => [
    match.entry.term,
    match.kind,
    'name' in match ? match.name : null,
  ]);

  it('matches "PeSIT (PESITANY protocol)" to PeSIT exactly', () => {
    expect(summary[0]).toEqual(['PeSIT', 'exact', 'PeSIT']);
  });

  it('matches SSL to the SSL row, not to "Central Governance SSL"', () => {
    expect(summary[1]).toEqual(['SSL', 'exact', 'SSL']);
  });

  it('matches "Copilot" to the Copilot row and "Copilot for Central Governance" to the 1767 row', () => {
    expect(summary[3]).toEqual(['Copilot', 'exact', 'Copilot']);
    expect(summary[4]).toEqual([
      'Copilot for Central Governance',
      'contained',
      'Transfer CFT UI (Copilot) server for Central Governance',
    ]);
  });

  it('gives "Central Governance" to its own row only, never to "Central Governance SSL"', () => {
    expect(summary[5]).toEqual(['Central Governance', 'exact', 'Central Governance']);
  });

  it('reports a term found in several rows as ambiguous, and an unknown term as unmatched', () => {
    const [relay, unknown] = matchLegend([entry('Secure Relay: relays'), entry('Gateway: none')], rowNames);
    expect(relay).toEqual({
      kind: 'ambiguous',
      entry: entry('Secure Relay: relays'),
      candidates: ['Secure Relay MA', 'Secure Relay RA'],
    });
    expect(unknown).toEqual({ kind: 'unmatched', entry: entry('Gateway: none') });
  });
});
