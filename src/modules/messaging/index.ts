/**
 * Messaging's public entry (issue 13): what other modules may use. sms-out adds its exports
 * (send, applyDeliveryStatus, the opt-out status check…); sms-in's are below.
 */
export { messagingRoutes, messagingWebhookRoutes } from './routes.ts';
export { receiveText, type InboundText, type ReceiveOutcome } from './inbound/receive-text.ts';
export { recordOptOut, type LedgerEntry } from './opt-outs/record-opt-out.ts';
export { isOptedOut } from './opt-outs/consent-state.ts';
export { setSimulatorFailNext } from './inbound/simulator-phones.ts';
