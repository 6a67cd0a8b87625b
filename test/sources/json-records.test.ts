import { describe, expect, it } from 'vitest';
import { jsonShape } from '../../src/sources/json-records.js';

describe('jsonShape', () => {
  it('tells a list, JSON Lines (of objects or of lists) and one pretty-printed object apart', () => {
    expect(jsonShape('[\n  {"a": 1}\n]')).toBe('array');
    expect(jsonShape('\uFEFF  [{"a":1},{"a":2}]')).toBe('array');
    expect(jsonShape('{"a":1}\n{"a":2}\n')).toBe('lines');
    expect(jsonShape('{"a":1}')).toBe('lines');
    expect(jsonShape('[{"a":1}]\n[{"a":2}]\n')).toBe('lines');
    expect(jsonShape('{\n  "feed": []\n}')).toBe('object');
    expect(jsonShape('{"feed": [\n{"a":1}]}')).toBe('object');
    expect(jsonShape('id,text\n1,x')).toBeNull();
  });
});
