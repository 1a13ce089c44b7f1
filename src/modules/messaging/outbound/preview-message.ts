import type { Deps } from '../../../deps.ts';
import type { Actor } from '../ports.ts';
import { compose, type ComposeInput } from './compose.ts';
import { clockNow } from '../clock.ts';

export type PreviewResult = {
  body: string;
  subject: string | null;
  segments: {
    encoding: 'GSM-7' | 'UCS-2';
    segments: number;
    characters: number;
    remainingInSegment: number;
  } | null;
  problems: { code: string; message: string }[];
  window: { allowed: boolean; nextAllowedAt: Date | null; reasons: string[] };
  optedOut: boolean;
};

/**
 * What a send would do now, without sending (the compose dialog, debounced): the rendered text,
 * its segments, every problem, the windows and consent. Access is checked as for a send.
 */
export async function previewMessage(
  deps: Pick<Deps, 'db'>,
  { actor, input }: { actor: Actor; input: ComposeInput },
): Promise<PreviewResult> {
  const c = await compose(deps.db, actor, input, clockNow());
  const problems = c.problems.map((p) => ({ code: p.code, message: p.message }));
  if (c.noPhoneNumber)
    problems.push({
      code: 'no_phone_number',
      message: 'The account has no phone number to text from: an admin adds one in Settings › Phone numbers.',
    });
  if (c.optOut)
    problems.push({
      code: 'opted_out',
      message: `${c.toAddress} opted out on ${c.optOut.at.toISOString()} (ledger entry ${c.optOut.id}).`,
    });
  return {
    body: c.body,
    subject: c.subject,
    segments: c.segments
      ? {
          encoding: c.segments.encoding,
          segments: c.segments.segments,
          characters: c.body.length,
          remainingInSegment: c.segments.remaining,
        }
      : null,
    problems,
    window: {
      allowed: c.window.allowed,
      nextAllowedAt: c.window.nextAllowedAt,
      reasons: c.window.reasons.map((r) => `${r.rule}: ${r.allowedHours} in ${r.zone} (${r.citation})`),
    },
    optedOut: c.optOut !== null,
  };
}
