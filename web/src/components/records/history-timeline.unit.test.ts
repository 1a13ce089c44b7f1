import { describe, expect, it } from 'vitest';
import { attachedEventView } from './history-timeline';

const title = (type: string, data: Record<string, unknown> = {}) => attachedEventView({ type, data })?.title;

describe('the History of a Sales Record or an Individual: attached things', () => {
  it.each<[string, Record<string, unknown>, string]>([
    ['sales_record.note_added', { noteId: 'n' }, 'added a note'],
    ['individual.note_removed', { body: 'Prefers mornings' }, 'removed a note'],
    ['file.added', { name: 'card.pdf' }, 'attached the file “card.pdf”'],
    ['file.added', { name: 'Brochure', url: 'https://example.com' }, 'attached the link “Brochure”'],
    ['file.removed', { name: 'card.pdf' }, 'removed “card.pdf”'],
    ['policy.created', { carrier: 'Aetna', product: 'Plan G' }, 'added the policy Aetna Plan G'],
    ['policy.deleted', { carrier: 'Aetna', product: 'Plan G' }, 'removed the policy Aetna Plan G'],
    ['activity.created', { subject: 'Welcome call' }, 'added the activity “Welcome call”'],
    ['activity.completed', { subject: 'Welcome call' }, 'completed the activity “Welcome call”'],
    ['activity.reopened', { subject: 'Welcome call' }, 'reopened the activity “Welcome call”'],
    ['activity.deleted', { subject: 'Welcome call' }, 'removed the activity “Welcome call”'],
  ])('%s %j → “%s”', (type, data, expected) => {
    expect(title(type, data)).toBe(expected);
  });

  it('leaves the record’s own events to the page (null)', () => {
    expect(attachedEventView({ type: 'sales_record.updated', data: {} })).toBeNull();
  });
});
