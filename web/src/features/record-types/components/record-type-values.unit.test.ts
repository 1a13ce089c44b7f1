import { describe, expect, it } from 'vitest';
import { recordTypeValues, statusesInput } from './record-type-values';

const rt = {
  id: 't1',
  name: 'Lead',
  description: '',
  sortOrder: 0,
  listOptions: { columns: [], sort: '-createdAt' },
  isDefault: true,
  statuses: [
    { id: 's1', name: 'New', sortOrder: 0, isClosedWon: false, isClosed: false },
    { id: 's2', name: 'Closed won', sortOrder: 1, isClosedWon: true, isClosed: true },
    { id: 's3', name: 'Closed lost', sortOrder: 2, isClosedWon: false, isClosed: true },
  ],
};

describe('record type form values', () => {
  it('keeps each status’s closed flag and sends it; the closed-won status is always closed', () => {
    const v = recordTypeValues(rt);
    expect(v.statuses.map((s) => s.closed)).toEqual([false, true, true]);
    v.statuses[1]!.closed = false; // the won status stays closed whatever the box says
    v.statuses[0]!.closed = true;
    expect(statusesInput(v)).toEqual([
      { id: 's1', name: 'New', isClosedWon: false, isClosed: true },
      { id: 's2', name: 'Closed won', isClosedWon: true, isClosed: true },
      { id: 's3', name: 'Closed lost', isClosedWon: false, isClosed: true },
    ]);
  });
  it('a new record type starts with its won and lost statuses closed', () => {
    const v = recordTypeValues(null);
    expect(statusesInput(v).map((s) => [s.name, s.isClosed])).toEqual([
      ['New', false],
      ['Contacted', false],
      ['Closed won', true],
      ['Closed lost', true],
    ]);
  });
});
