import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { indentJson } from '../../shared/json-indent';

describe('indentJson', () => {
  it('changes whitespace only: big integers and escapes stay exactly as sent', () => {
    const raw =
      '{"id":"1","n":123456789012345678901,"s":"a,b:{c}\\"q\\"","e":[],"o":{},"l":[1,{"x":null}]}';
    const out = indentJson(raw);
    expect(out).toContain('"n": 123456789012345678901');
    expect(out).toContain('"s": "a,b:{c}\\"q\\""');
    expect(out.replace(/\s+(?=(?:[^"\\]|\\.|"(?:[^"\\]|\\.)*")*$)/g, '')).toBe(raw);
    expect(out.split('\n').length).toBeGreaterThan(5);
  });

  it('parses to the same value as its input, for any JSON', () => {
    fc.assert(
      fc.property(fc.json(), (text) => {
        expect(JSON.parse(indentJson(text))).toEqual(JSON.parse(text));
      }),
      { numRuns: 300 },
    );
  });
});
