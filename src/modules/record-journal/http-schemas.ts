import { z } from 'zod';
import { Timestamp } from '../../server/http-schemas.ts';
import { HISTORY_SUBJECTS } from './history.ts';

/** Who wrote or did something (null: the system, an API key, or a deleted user). */
export const PersonRef = z.object({ id: z.uuid(), firstName: z.string(), lastName: z.string() }).nullable();

/** A note of a Sales Record or an Individual (the same shape on both). */
export const Note = z
  .object({
    id: z.uuid(),
    body: z.string(),
    createdAt: Timestamp,
    /** Set on an Individual's note that came over from a converted Sales Record. */
    fromSalesRecordId: z.uuid().nullable(),
    author: PersonRef,
  })
  .meta({ id: 'Note' });

/** One event of a Sales Record's or an Individual's history. */
export const HistoryEvent = z
  .object({
    id: z.uuid(),
    type: z.string(),
    occurredAt: Timestamp,
    subjectType: z.enum(HISTORY_SUBJECTS),
    subjectId: z.uuid(),
    data: z.record(z.string(), z.unknown()),
    actor: PersonRef,
  })
  .meta({ id: 'HistoryEvent' });

export const NoteParams = z.strictObject({
  id: z.uuid({ message: 'Must be a valid id.' }),
  noteId: z.uuid({ message: 'Must be a valid id.' }),
});
