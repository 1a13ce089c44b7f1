// The public entry of the messaging module: other modules, the server, the CLI and jobs import only this.

export { messagingRoutes, messagingWebhookRoutes } from './routes.ts';
export { applyDeliveryStatus } from './outbound/apply-delivery-status.ts';
export type { DeliveryStatusReport, ApplyResult } from './outbound/apply-delivery-status.ts';
export { optOutStatus } from './outbound/opt-out-status.ts';
export type { OptOutStatus, OptOutEntry } from './outbound/opt-out-status.ts';
export { sendMessage, SendMessageInput } from './outbound/send-message.ts';
export { startOutboundEngine, drainAll, recoverDispatching, advanceSimulator } from './outbound/engine.ts';
export type { Engine } from './outbound/engine.ts';
export { MessageSchema } from './outbound/schemas.ts';
export { loadMessageView } from './outbound/message-view.ts';
export type { MessageView } from './outbound/message-view.ts';
export { setSimulatorFailNext } from './providers/simulator.ts';
export { currentProvider, messagingConfig } from './providers/index.ts';
export { loadMessagingSettings } from './settings/settings.ts';
export { receiveText, type InboundText, type ReceiveOutcome } from './inbound/receive-text.ts';
export { recordOptOut, type LedgerEntry } from './opt-outs/record-opt-out.ts';
export { isOptedOut } from './opt-outs/consent-state.ts';
export { clockNow, setMessagingClock } from './clock.ts';
