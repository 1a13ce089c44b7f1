import { and, desc, eq, or } from 'drizzle-orm';
import type { Deps } from '../../../deps.ts';
import { AppError, notFound, validationError } from '../../../lib/errors.ts';
import { toE164 } from '../../../lib/phone.ts';
import { messages } from '../schema.ts';
import { inboundProviderConfig, requireUser, setSimulatorFailNext, type Actor } from './ports.ts';
import { receiveText, simulatorMessageId } from './receive-text.ts';

/**
 * The beneficiary's side of the simulator: a tester, signed in to the account, plays the person
 * with the fake phone. Any signed-in user of the account may (decision 059): it is a testing tool
 * that exists only while MESSAGING_PROVIDER=simulator, and it reaches only the account's numbers.
 */
function assertSimulator(deps: Pick<Deps, 'config'>, actor: Actor) {
  requireUser(actor);
  if (inboundProviderConfig(deps).provider !== 'simulator')
    throw new AppError('not_found', 'The simulator is off: MESSAGING_PROVIDER is not "simulator".');
}

function fakePhoneOf(phone: string): string {
  const e164 = toE164(phone);
  if (!e164) throw validationError([{ path: 'params.phone', message: 'Must be a valid phone number.' }]);
  return e164;
}

export async function simulateInboundText(
  deps: Pick<Deps, 'db' | 'config'>,
  opts: { actor: Actor; from: string; to: string; body: string },
) {
  assertSimulator(deps, opts.actor);
  const r = await receiveText(
    deps.db,
    {
      provider: 'simulator',
      providerMessageId: simulatorMessageId(),
      from: opts.from,
      to: opts.to,
      body: opts.body,
    },
    { onlyAccountId: opts.actor.accountId },
  );
  if (r.outcome !== 'stored') throw notFound('Account phone number');
  return {
    messageId: r.messageId,
    classification: r.classification.kind,
    reply: r.reply,
  };
}

/** Texts the fake phone got (outbound to it) and sent (inbound from it), newest first. */
export async function listSimulatorPhoneMessages(
  deps: Pick<Deps, 'db' | 'config'>,
  opts: { actor: Actor; phone: string; limit: number },
) {
  assertSimulator(deps, opts.actor);
  const phone = fakePhoneOf(opts.phone);
  const rows = await deps.db
    .select({
      id: messages.id,
      direction: messages.direction,
      from: messages.fromAddress,
      to: messages.toAddress,
      body: messages.body,
      status: messages.status,
      deliveryStatus: messages.deliveryStatus,
      createdAt: messages.createdAt,
    })
    .from(messages)
    .where(
      and(
        eq(messages.accountId, opts.actor.accountId),
        eq(messages.channel, 'sms'),
        or(
          and(eq(messages.direction, 'outbound'), eq(messages.toAddress, phone)),
          and(eq(messages.direction, 'inbound'), eq(messages.fromAddress, phone)),
        ),
      ),
    )
    .orderBy(desc(messages.createdAt), desc(messages.id))
    .limit(opts.limit);
  return { items: rows };
}

export async function failNextDeliveries(
  deps: Pick<Deps, 'db' | 'config'>,
  opts: { actor: Actor; phone: string; count: number },
) {
  assertSimulator(deps, opts.actor);
  const phone = fakePhoneOf(opts.phone);
  await setSimulatorFailNext(deps.db, opts.actor.accountId, phone, opts.count);
  return { phone, failNext: Math.max(0, Math.trunc(opts.count)) };
}
