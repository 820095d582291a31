import { canonicalJson, canonicalJsonText } from '../../src/aws/canonical-json.js';

describe('canonicalJson', () => {
  it('GIVEN nested objects in any key order THEN keys are sorted recursively and the text is minified', () => {
    const a = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['s3:GetObject'], Resource: '*' }] };
    const b = { Statement: [{ Resource: '*', Action: ['s3:GetObject'], Effect: 'Allow' }], Version: '2012-10-17' };
    expect(canonicalJson(a)).toBe('{"Statement":[{"Action":["s3:GetObject"],"Effect":"Allow","Resource":"*"}],"Version":"2012-10-17"}');
    expect(canonicalJson(b)).toBe(canonicalJson(a));
  });

  it('GIVEN arrays THEN their order is kept', () => {
    expect(canonicalJson({ a: [3, 1, 2] })).toBe('{"a":[3,1,2]}');
  });

  it('GIVEN pretty-printed JSON text THEN the canonical text; GIVEN non-JSON THEN it is unchanged', () => {
    expect(canonicalJsonText('{\n  "b": 1,\n  "a": {"d": 2, "c": 3}\n}')).toBe('{"a":{"c":3,"d":2},"b":1}');
    expect(canonicalJsonText('not json')).toBe('not json');
  });
});
