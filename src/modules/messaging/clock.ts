/**
 * The messaging module's clock: windows, pacing and retries read the time here, so a test can set
 * it to a Tuesday morning or a Saturday night without faking the whole process's Date (sessions,
 * the job queue and the database keep real time).
 *
 * `MESSAGING_CLOCK_START` (ISO time; tests and demos only) starts this clock at that instant when
 * the process starts, running at real speed from there: a server process can be put at 07:59 to
 * watch queued texts go when the window opens.
 */
const start = process.env.MESSAGING_CLOCK_START ? Date.parse(process.env.MESSAGING_CLOCK_START) : NaN;
const offset = Number.isFinite(start) ? start - Date.now() : 0;
let source: () => number = () => Date.now() + offset;

export const clockNow = (): Date => new Date(source());

/** Tests only: fix the messaging clock (null: back to the process clock). */
export function setMessagingClock(fn: (() => Date) | null): void {
  source = fn ? () => fn().getTime() : () => Date.now() + offset;
}
