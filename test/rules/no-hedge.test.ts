import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_HEDGES } from '../../src/catalog/load-config.js';
import { hedgeFinder } from '../../src/rules/no-hedge.js';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('hedgeFinder', () => {
  const find = hedgeFinder([...DEFAULT_HEDGES, 'not yet public']);

  it.each([
    ['Searches stages; the venue is not verified', 'not verified'],
    ['TODO: describe', 'TODO'],
    ['Dynamic programming?', '?'],
    ['Framework Unknown', 'unknown'],
    ['Code NOT YET PUBLIC', 'not yet public'],
    ['unknown, TODO', 'unknown'],
  ])('%j holds %j (the hedge found first in the text, as the config writes it)', (text, hedge) => {
    expect(find(text)).toBe(hedge);
  });

  it.each(['Todo lists for the planner', 'An unknownish word', 'Verified on 8 GPUs', 'TBDs'])('%j holds none', (text) => {
    expect(find(text)).toBeUndefined();
  });

  it('at one place, the longest phrase is named', () => {
    expect(hedgeFinder(['not', 'not verified'])('is not verified')).toBe('not verified');
  });

  it('compiles 20,000 hedges into a few patterns, not one per hedge', () => {
    const Native = RegExp;
    let compiled = 0;
    vi.stubGlobal(
      'RegExp',
      new Proxy(Native, {
        construct(target, args: [string, string?]) {
          compiled++;
          return new target(...args);
        },
      }),
    );
    const hedges = Array.from({ length: 20_000 }, (_, index) => `hedge phrase ${index}`);
    const findIn = hedgeFinder([...hedges, 'TODO', '?']);
    expect(findIn('a cell with hedge phrase 19999 in it')).toBe('hedge phrase 19999');
    expect(findIn('a plain cell')).toBeUndefined();
    expect(compiled).toBeLessThanOrEqual(8);
  });
});
