/**
 * The messaging module's clock: windows, pacing and retries read the time here, so a test can set
 * it to a Tuesday morning or a Saturday night without faking the whole process's Date (sessions,
 * the job queue and the database keep real time).
 */
let source: () => number = Date.now;

export const clockNow = (): Date => new Date(source());

/** Tests only: fix the messaging clock (null: back to real time). */
export function setMessagingClock(fn: (() => Date) | null): void {
  source = fn ? () => fn().getTime() : Date.now;
}
