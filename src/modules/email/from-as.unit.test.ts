import { describe, expect, it } from 'vitest';
import { fromAs } from './deliver-email.ts';

describe('fromAs', () => {
  it('puts a person’s name on the configured address', () => {
    expect(fromAs('Maya Ortiz', 'Agency CRM <no-reply@agency.example>')).toEqual({
      name: 'Maya Ortiz',
      address: 'no-reply@agency.example',
    });
    expect(fromAs('Maya Ortiz', 'no-reply@agency.example')).toEqual({
      name: 'Maya Ortiz',
      address: 'no-reply@agency.example',
    });
  });
  it('keeps header-breaking characters out of the name', () => {
    expect(fromAs('Eve\r\nBcc: x@y "<z>"', 'a@b.example').name).toBe('EveBcc: x@y z');
  });
});
