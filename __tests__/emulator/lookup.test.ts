import { byAccountAndName, findByKey } from '../../src/emulator/lookup.js';

type Item = { id: string; v: number };
const byId = (i: Item) => i.id;

describe('findByKey: an index that is never answered from stale', () => {
  it('GIVEN a list WHEN items are found, added, replaced in place and the list reordered THEN every answer is what Array.find would give', () => {
    const list: Item[] = [{ id: 'a', v: 1 }, { id: 'b', v: 2 }];
    expect(findByKey(list, 'id', byId, 'b')).toBe(list[1]);
    list.push({ id: 'c', v: 3 });
    expect(findByKey(list, 'id', byId, 'c')).toBe(list[2]);
    // Same length, another item at an indexed position.
    list[1] = { id: 'd', v: 4 };
    expect(findByKey(list, 'id', byId, 'b')).toBeUndefined();
    expect(findByKey(list, 'id', byId, 'd')).toBe(list[1]);
    list.reverse();
    for (const id of ['a', 'c', 'd']) expect(findByKey(list, 'id', byId, id)).toBe(list.find((i) => i.id === id));
    list.splice(0, 1);
    for (const id of ['a', 'c', 'd']) expect(findByKey(list, 'id', byId, id)).toBe(list.find((i) => i.id === id));
  });

  it('GIVEN a list replaced by a filtered copy WHEN a removed key is looked up THEN it is absent from the new list', () => {
    let list: Item[] = [{ id: 'a', v: 1 }, { id: 'b', v: 2 }];
    expect(findByKey(list, 'id', byId, 'a')).toBe(list[0]);
    list = list.filter((i) => i.id !== 'a');
    expect(findByKey(list, 'id', byId, 'a')).toBeUndefined();
    expect(findByKey(list, 'id', byId, 'b')?.v).toBe(2);
  });

  it('GIVEN two indexes of one list WHEN each is used THEN each keeps its own keys', () => {
    const roles = [{ arn: 'arn:aws:iam::111122223333:role/A', accountId: '111122223333', name: 'A' }];
    expect(findByKey(roles, 'arn', (r) => r.arn, 'arn:aws:iam::111122223333:role/A')).toBe(roles[0]);
    expect(findByKey(roles, 'accountAndName', byAccountAndName, byAccountAndName({ accountId: '111122223333', name: 'A' }))).toBe(roles[0]);
    expect(findByKey(roles, 'accountAndName', byAccountAndName, byAccountAndName({ accountId: '444455556666', name: 'A' }))).toBeUndefined();
  });
});
