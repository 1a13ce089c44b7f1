import type { Form } from '../api/forms';

export const KIND_LABELS: Record<Form['kind'], string> = {
  soa: 'Scope of Appointment',
  aca_consent: 'ACA consent to contact',
  aca_attestation: 'ACA application review',
};
export const PLAN_LABELS: Record<Form['plans'][number], string> = {
  part_d: 'Part D (stand-alone drug plans)',
  medicare_advantage: 'Medicare Advantage (Part C) and Cost Plans',
  dental_vision_hearing: 'Dental/Vision/Hearing',
  hospital_indemnity: 'Hospital Indemnity',
  medicare_supplement: 'Medicare Supplement (Medigap)',
};
export const STATUS_COLORS: Record<Form['status'], string> = {
  requested: 'blue',
  opened: 'cyan',
  signed: 'teal',
  completed: 'green',
  expired: 'gray',
  deleted: 'gray',
};
export const CONTACT_LABELS: Record<NonNullable<Form['firstContactMethod']>, string> = {
  walk_in: 'Walk-in (beneficiary-initiated)',
  beneficiary_call: 'Call from the beneficiary',
  agent_call: 'Call from the agent',
  email: 'Email',
  text: 'Text message',
  mail: 'Mail',
  web: 'Web form',
  referral: 'Referral',
  event: 'Event',
  other: 'Other',
};
export const EXCEPTION_LABELS: Record<NonNullable<Form['exceptionReason']>, string> = {
  walk_in: 'Unscheduled walk-in',
  beneficiary_call: 'Beneficiary-initiated call',
  enrollment_period_last_days: 'Last four days of an enrollment period',
  other: 'Other',
};
/** What the SOA timing rule says about the appointment (src/modules/forms/soa-timing.ts). */
export const TIMING_LABELS: Record<NonNullable<Form['timing']>['status'], { label: string; color: string }> =
  {
    covered: { label: 'Covered (signed 48 h or more before)', color: 'green' },
    covered_by_exception: { label: 'Covered by an exception', color: 'teal' },
    exception_required: { label: 'Under 48 hours: exception reason needed', color: 'orange' },
    signed_after_appointment: { label: 'Signed after the appointment', color: 'red' },
    no_soa: { label: 'No signed SOA', color: 'red' },
  };
