import { describe, expect, it } from 'vitest';
import { assertTwilioSignature, twimlAnswer } from './twilio-signature.ts';

// Twilio's published test vector (spec §1.3, verified against twilio-node's webhooks.spec).
const params = {
  CallSid: 'CA1234567890ABCDE',
  Caller: '+12349013030',
  Digits: '1234',
  From: '+12349013030',
  To: '+18005551212',
};
const vector = {
  authToken: '12345',
  baseUrl: 'https://mycompany.com',
  pathAndQuery: '/myapp.php?foo=1&bar=2',
  signature: '0/KCTR6DLpKmkAf8muzZqo1nDgQ=',
  params,
};

describe('assertTwilioSignature', () => {
  it('accepts Twilio’s test vector: BASE_URL + the path and query as received', () => {
    expect(() => assertTwilioSignature(vector)).not.toThrow();
  });

  it.each([
    ['another base URL', { baseUrl: 'https://evil.example' }],
    ['another query', { pathAndQuery: '/myapp.php?foo=1&bar=3' }],
    ['another token', { authToken: '54321' }],
    ['a changed parameter', { params: { ...params, Digits: '1235' } }],
    ['an added parameter', { params: { ...params, Extra: '' } }],
    ['no signature', { signature: undefined }],
    ['a repeated header', { signature: [vector.signature, vector.signature] }],
    ['no token configured', { authToken: undefined }],
    ['a body that is not a form', { params: 'CallSid=CA1234567890ABCDE' }],
  ])('refuses %s with forbidden', (_label, change) => {
    expect(() => assertTwilioSignature({ ...vector, ...change })).toThrow(
      expect.objectContaining({ code: 'forbidden' }),
    );
  });
});

describe('twimlAnswer', () => {
  it('is an empty Response, or one escaped Message', () => {
    expect(twimlAnswer(null)).toBe('<?xml version="1.0" encoding="UTF-8"?><Response/>');
    expect(twimlAnswer('Reply <STOP> & save')).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><Response><Message>Reply &lt;STOP&gt; &amp; save</Message></Response>',
    );
  });
});
