/**
 * Messaging rules: the law and the carriers' conventions as pure functions (issue 13). No I/O
 * besides the bundled data tables; everything here is tested in the `*.unit.test.ts` beside it.
 */
export { recipientZones, areaCodeOf, ALL_US_ZONES } from './recipient-zones.ts';
export type { RecipientLocationFacts, RecipientZones } from './recipient-zones.ts';
export { STATE_RULES, stateHours } from './state-rules.ts';
export type { StateRule, DayRule, DayWindow } from './state-rules.ts';
export { isUsHoliday, usFederalHolidays } from './us-holidays.ts';
export { checkTextingWindow, parseClock, DEFAULT_SENDER_WINDOW } from './texting-window.ts';
export type {
  TextingWindowInput,
  TextingWindowDecision,
  WindowViolation,
  ClockWindow,
} from './texting-window.ts';
export { classifyInbound } from './opt-out.ts';
export type { InboundClass, InboundClassification } from './opt-out.ts';
export { countSegments, checkSmsLength, isGsm7, MAX_SMS_CHARACTERS } from './segments.ts';
export type { SegmentInfo, SmsEncoding, LengthCheck } from './segments.ts';
export {
  renderTemplate,
  listMergeFields,
  validateTemplate,
  TemplateError,
  MERGE_FIELDS,
} from './merge-fields.ts';
export type { MergeField, MergeValues, TemplateProblem, Channel } from './merge-fields.ts';
export {
  nextDeliveryStatus,
  isDeliveryStatus,
  DELIVERY_STATUSES,
  FINAL_STATUSES,
} from './delivery-status.ts';
export type { DeliveryStatus, StatusTransition } from './delivery-status.ts';
