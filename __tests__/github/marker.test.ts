import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { formatMarker, parseMarker, withMarker } from '../../src/github/marker.js';

describe('hidden marker', () => {
  it('GIVEN a key and fingerprint WHEN formatted THEN it is a single HTML comment in the documented form', () => {
    expect(formatMarker({ key: 'plan:eks-identity.yaml', fingerprint: 'f00' })).toBe('<!-- eks-identity:plan:eks-identity.yaml fingerprint=f00 -->');
  });

  it('GIVEN a body WHEN the marker is added and parsed back THEN key and fingerprint round-trip', () => {
    const body = withMarker({ key: 'apply:manifests/*.yaml', fingerprint: 'abc' }, '## Plan');
    expect(parseMarker(body)).toEqual({ key: 'apply:manifests/*.yaml', fingerprint: 'abc' });
  });

  it('GIVEN keys with spaces, dashes and comment terminators WHEN round-tripped THEN the marker stays one comment', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.option(fc.stringMatching(/^[0-9a-f]{1,64}$/), { nil: undefined }), (key, fingerprint) => {
        const text = formatMarker(fingerprint ? { key, fingerprint } : { key });
        expect(text.indexOf('-->')).toBe(text.length - 3);
        expect(parseMarker(text)).toEqual(fingerprint ? { key, fingerprint } : { key });
      }),
    );
  });

  it('GIVEN text without a marker WHEN parsed THEN undefined', () => {
    expect(parseMarker('<!-- something else -->')).toBeUndefined();
    expect(parseMarker(null)).toBeUndefined();
  });
});

describe('per-cluster parts in the marker', () => {
  it('GIVEN each cluster\'s part WHEN formatted THEN 12-character prefixes follow the fingerprint and round-trip', () => {
    const fp = 'a'.repeat(64);
    const text = formatMarker({ key: 'plan:eks-identity.yaml', fingerprint: fp, clusters: { prod: 'b'.repeat(64), 'dev-eu': 'c'.repeat(64) } });
    expect(text).toBe(`<!-- eks-identity:plan:eks-identity.yaml fingerprint=${fp} clusters=prod:bbbbbbbbbbbb,dev-eu:cccccccccccc -->`);
    expect(parseMarker(text)).toEqual({ key: 'plan:eks-identity.yaml', fingerprint: fp, clusters: { prod: 'bbbbbbbbbbbb', 'dev-eu': 'cccccccccccc' } });
  });

  it('GIVEN any cluster names WHEN round-tripped THEN the marker stays one comment and the names come back', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ minLength: 1 }), fc.stringMatching(/^[0-9a-f]{12}$/), { minKeys: 1 }), (clusters) => {
        const text = formatMarker({ key: 'plan:m', fingerprint: 'f'.repeat(64), clusters });
        expect(text.indexOf('-->')).toBe(text.length - 3);
        expect(parseMarker(text)!.clusters).toEqual(clusters);
      }),
    );
  });

  it('GIVEN a damaged clusters list THEN the marker keeps its key and fingerprint and has no parts', () => {
    expect(parseMarker('<!-- eks-identity:plan:m fingerprint=abc clusters=prod:zz -->')).toEqual({ key: 'plan:m', fingerprint: 'abc' });
    expect(parseMarker('<!-- eks-identity:plan:m fingerprint=abc clusters=__proto__:abcdefabcdef -->')!.clusters).toEqual(Object.fromEntries([['__proto__', 'abcdefabcdef']]));
  });
});
