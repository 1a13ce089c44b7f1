/** The contract's `Message`: one schema for sending and reading (outbound/schemas.ts). */
export { MessageSchema } from '../outbound/schemas.ts';
