import { describe, expect, it } from '@jest/globals';
import { ownedElsewhere, ownerMoved } from '../../src/apply/guards.js';
import { OWNER_TAG } from '../../src/model/ownership.js';

const A = { [OWNER_TAG]: 'team-a' };
const B = { [OWNER_TAG]: 'team-b' };

describe('ownership guards at apply', () => {
  it('GIVEN a planned delete WHEN the owner tag changed since the plan THEN the delete is skipped, with both owners named', () => {
    expect(ownerMoved(A, A, 'association a/web')).toBeUndefined();
    expect(ownerMoved({}, { team: 'x' }, 'association a/web')).toBeUndefined();
    const moved = ownerMoved(A, B, 'association a/web');
    expect(moved?.outcome).toBe('skipped');
    expect(moved?.reason).toContain('"team-b"');
    expect(moved?.reason).toContain('"team-a"');
    expect(ownerMoved(A, {}, 'association a/web')?.outcome).toBe('skipped');
  });

  it('GIVEN a create that meets an existing object (409) WHEN another owner tagged it THEN it is not adopted; untagged or ours is adopted', () => {
    expect(ownedElsewhere(A, {}, 'access entry X')).toBeUndefined();
    expect(ownedElsewhere(A, A, 'access entry X')).toBeUndefined();
    expect(ownedElsewhere(A, B, 'access entry X')?.reason).toMatch(/not adopted/);
    expect(ownedElsewhere({}, B, 'access entry X')?.outcome).toBe('skipped');
  });
});
