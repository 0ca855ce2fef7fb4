import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { defaultPayloadConverter } from '@temporalio/common';
import { createCodecServer } from '../../src/codec-server/app';
import { silentLogger } from '../../src/observability/logger';
import { EncryptionCodec } from '../../src/temporal/encryption-codec';
import { testKeyRing } from '../helpers/keys';
import { people, testTokenRegistry } from '../helpers/tokens';

/** The Web UI's codec server: decrypts for an authorised administrator, refuses everyone else. */
const keyRing = testKeyRing('codec-test');
const UI = 'http://localhost:8233';
let server: Server;
let base: string;

beforeAll(async () => {
  const app = createCodecServer({
    keyRing,
    tokens: testTokenRegistry(),
    corsOrigins: [UI],
    logger: silentLogger(),
  });
  server = await new Promise((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server?.close();
});

async function encryptedPayloads(value: unknown) {
  const [payload] = await new EncryptionCodec(keyRing).encode([defaultPayloadConverter.toPayload(value)]);
  const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
  return {
    payloads: [
      {
        metadata: Object.fromEntries(
          Object.entries(payload!.metadata!).map(([key, value]) => [key, b64(value)]),
        ),
        data: b64(payload!.data!),
      },
    ],
  };
}

const decode = (body: unknown, headers: Record<string, string>) =>
  fetch(`${base}/decode`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

test('an administrator gets the case data back in plaintext', async () => {
  const response = await decode(await encryptedPayloads({ cpr: '010190-1234' }), {
    authorization: `Bearer ${people.admin.token}`,
  });
  expect(response.status).toBe(200);
  const { payloads } = (await response.json()) as {
    payloads: Array<{ metadata: Record<string, string>; data: string }>;
  };
  expect(Buffer.from(payloads[0]!.metadata.encoding!, 'base64').toString()).toBe('json/plain');
  expect(JSON.parse(Buffer.from(payloads[0]!.data, 'base64').toString())).toEqual({ cpr: '010190-1234' });
});

test('nobody else: no token 401, a caseworker or supervisor 403, a wrong token 401', async () => {
  const body = await encryptedPayloads({ cpr: '010190-1234' });
  expect((await decode(body, {})).status).toBe(401);
  expect((await decode(body, { authorization: `Bearer ${people.supervisor.token}` })).status).toBe(403);
  expect((await decode(body, { authorization: `Bearer ${people.caseworker.token}` })).status).toBe(403);
  expect((await decode(body, { authorization: 'Bearer not-a-token-not-a-token-not-a-token' })).status).toBe(
    401,
  );
});

test('the Web UI: sign in once, then the cookie decodes; the UI origin passes CORS, others do not', async () => {
  const refused = await fetch(`${base}/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: `token=${encodeURIComponent(people.supervisor.token)}`,
  });
  expect(refused.status).toBe(403);
  expect(refused.headers.get('set-cookie')).toBeNull();
  const login = await fetch(`${base}/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: `token=${encodeURIComponent(people.admin.token)}`,
  });
  expect(login.status).toBe(200);
  const cookie = login.headers.get('set-cookie')!;
  expect(cookie).toMatch(/^rf_codec_token=.+; HttpOnly; SameSite=Strict; Path=\/$/);
  const withCookie = await decode(await encryptedPayloads({ note: 'x' }), {
    cookie: cookie.split(';')[0]!,
    origin: UI,
  });
  expect(withCookie.status).toBe(200);
  expect(withCookie.headers.get('access-control-allow-origin')).toBe(UI);
  expect(withCookie.headers.get('access-control-allow-credentials')).toBe('true');

  const preflight = await fetch(`${base}/decode`, {
    method: 'OPTIONS',
    headers: { origin: UI, 'access-control-request-method': 'POST' },
  });
  expect(preflight.status).toBe(204);
  const foreign = await fetch(`${base}/decode`, {
    method: 'OPTIONS',
    headers: { origin: 'https://evil.example' },
  });
  expect(foreign.status).toBe(403);
  expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
});

test('a payload under another key, or not a payload at all, is refused with the reason', async () => {
  const other = await new EncryptionCodec(testKeyRing('other-key')).encode([
    defaultPayloadConverter.toPayload(1),
  ]);
  const body = {
    payloads: other.map((payload) => ({
      metadata: Object.fromEntries(
        Object.entries(payload.metadata!).map(([k, v]) => [k, Buffer.from(v).toString('base64')]),
      ),
      data: Buffer.from(payload.data!).toString('base64'),
    })),
  };
  const auth = { authorization: `Bearer ${people.admin.token}` };
  const unknownKey = await decode(body, auth);
  expect(unknownKey.status).toBe(422);
  expect(await unknownKey.json()).toEqual({
    message: expect.stringContaining('no decryption key "other-key"'),
  });
  expect((await decode({ nope: true }, auth)).status).toBe(400);
});
