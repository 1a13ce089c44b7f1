// Every hook and slot a lower module declares is filled by wireModules() (decision 042).
import { describe, expect, it } from 'vitest';
import { storedBytesHolders } from '../modules/files/index.ts';
import { salesRecordConversionHooks, salesRecordPurgeHooks } from '../modules/sales-records/index.ts';
import { userCalendarLinks, userSessions, userTeams } from '../modules/users/index.ts';
import { wireModules } from './wiring.ts';

describe('wireModules', () => {
  it('fills every hook and slot, and running it twice registers nothing twice', () => {
    wireModules();
    wireModules();
    expect(storedBytesHolders.all()).toHaveLength(2); // imports, forms
    expect(salesRecordPurgeHooks.all()).toHaveLength(1);
    expect(salesRecordConversionHooks.all()).toHaveLength(2);
    expect(typeof userTeams.get().setTeamsOf).toBe('function');
    expect(typeof userSessions.get().endAll).toBe('function');
    expect(typeof userCalendarLinks.get().of).toBe('function');
  });
});
