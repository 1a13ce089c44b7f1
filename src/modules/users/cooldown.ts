/** A suspended user can be reactivated 14 days (exactly, to the millisecond) after the suspension. */
export const REACTIVATION_COOLDOWN_MS = 14 * 24 * 3600_000;

export const reactivationAllowedAt = (suspendedAt: Date): Date =>
  new Date(suspendedAt.getTime() + REACTIVATION_COOLDOWN_MS);

export const canReactivate = (suspendedAt: Date | null, now: Date): boolean =>
  suspendedAt === null || now.getTime() >= reactivationAllowedAt(suspendedAt).getTime();
