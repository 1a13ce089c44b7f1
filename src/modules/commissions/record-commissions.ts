import type { Deps } from '../../deps.ts';
import { accountBasics } from '../accounts/index.ts';
import type { Actor } from '../access/index.ts';
import { daysBetween, listPolicies, nextRenewalDate, policyYear } from '../policies/index.ts';
import type { RecordOwner } from '../records/index.ts';
import { commissionsOfPolicies } from './commissions.ts';
import { annualPremium, commissionTotals, expectedAnnual } from './expected.ts';

/** A renewal this close (days) counts as upcoming. */
export const UPCOMING_RENEWAL_DAYS = 90;
/** Policies that will not renew. */
const ENDED = new Set(['declined', 'cancelled']);

/** Today's date (YYYY-MM-DD) in a time zone. */
export const todayIn = (timeZone: string, now = new Date()): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    now,
  );

/**
 * The Information tab's "commissions and renewals" of a Sales Record or an Individual: for each
 * of its policies, the expected commissions (first-year and renewal), the policy year it is in,
 * its next renewal date and whether that is upcoming — as of `asOf` (default: today in the
 * account's time zone). Upcoming renewals come first, soonest first.
 */
export async function recordCommissions(
  deps: Deps,
  opts: { actor: Actor; owner: RecordOwner; asOf?: string | undefined },
) {
  const { actor } = opts;
  const policies = await listPolicies(deps, { actor, owner: opts.owner });
  let asOf = opts.asOf;
  if (!asOf) {
    const acct = await accountBasics(deps.db, actor);
    asOf = todayIn(acct?.timeZone ?? 'America/New_York');
  }
  const commissions = await commissionsOfPolicies(
    deps,
    actor,
    policies.map((p) => p.id),
  );
  const items = policies.map((p) => {
    const ended = ENDED.has(p.status);
    const nextRenewal = ended ? null : nextRenewalDate(p.effectiveDate, p.renewalCycle, asOf);
    const daysUntilRenewal = nextRenewal ? daysBetween(asOf, nextRenewal) : null;
    const year = policyYear(p.effectiveDate, p.renewalCycle, asOf);
    const own = commissions
      .filter((c) => c.policyId === p.id)
      .map((c) => ({ ...c, expectedAnnual: expectedAnnual(c, p.premium) }));
    return {
      policy: {
        id: p.id,
        carrier: p.carrier,
        product: p.product,
        status: p.status,
        premium: p.premium,
        effectiveDate: p.effectiveDate,
        renewalCycle: p.renewalCycle,
      },
      annualPremium: annualPremium(p.premium),
      policyYear: year,
      nextRenewalDate: nextRenewal,
      daysUntilRenewal,
      renewalUpcoming: daysUntilRenewal !== null && daysUntilRenewal <= UPCOMING_RENEWAL_DAYS,
      commissions: own,
      expected: commissionTotals(
        own.map((c) => ({ kind: c.kind, expected: c.expectedAnnual })),
        ended ? null : year,
      ),
    };
  });
  const rank = (i: (typeof items)[number]) =>
    i.renewalUpcoming ? i.daysUntilRenewal! : Number.MAX_SAFE_INTEGER;
  items.sort((a, b) => rank(a) - rank(b));
  return { asOf, upcomingWithinDays: UPCOMING_RENEWAL_DAYS, items };
}
