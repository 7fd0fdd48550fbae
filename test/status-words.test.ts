import { describe, expect, it } from 'vitest';
import { statusWord } from '../src/grammar/status-words.js';

describe('statusWord: an assignment withdrawn, however it is spelled', () => {
  it.each([
    ['Decommissioned Port 4315', true],
    ['Decomissioned Port 04/14/00, ms', true],
    ['Decommisioned', false],
    ['De-Commissioned Port', false],
    ['De-registered 2017-09-20', true],
    ['De-Registered', false],
    ['deregistered', false],
    ['Removed', false],
    ['Deprecated', false],
    ['No longer used', false],
    ['no longer in use.', false],
    ['PROFILE Naming System - no longer used', true],
  ])('%s is deprecated (keeps its text as the name: %s)', (text, keepsName) => {
    expect(statusWord(text)).toEqual({ status: 'deprecated', remark: null, keepsName });
  });

  it('leaves names that only contain the letters alone', () => {
    expect(statusWord('Decomposition Service')).toBeNull();
    expect(statusWord('Registered Ports')).toBeNull();
    expect(statusWord('Longer Used Car Lot')).toBeNull();
  });
});
