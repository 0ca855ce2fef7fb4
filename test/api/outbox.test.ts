import { silentLogger } from '../../src/observability/logger';
import { mkdtempSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { createApp } from '../../src/api/app';
import { CaseService } from '../../src/client/case-service';
import { loadRuleset } from '../../src/config/rulesets';
import { createOutboxMailer } from '../../src/notifications/outbox';
import { httpClient } from '../helpers/http';
import { testTokenRegistry } from '../helpers/tokens';

/** The embedded default writes mail to a folder; the API lists it for an administrator. */
const outboxDir = mkdtempSync(join(tmpdir(), 'rf-outbox-'));
let server: Server;
const connection = Connection.lazy({ address: '127.0.0.1:9' });
const api = httpClient(() => `http://127.0.0.1:${(server.address() as AddressInfo).port}`);

beforeAll(async () => {
  const mailer = createOutboxMailer(outboxDir, 'Ressourceforløb <noreply@kommune.invalid>');
  await mailer.send({
    messageId: 'first.0@kommune.invalid',
    to: 'jens@example.dk',
    subject: 'Sag A-1: afgørelse',
    text: 'x',
  });
  await mailer.send({
    messageId: 'second.0@kommune.invalid',
    to: 'leder@kk.dk',
    subject: 'Sag A-1: eskalering',
    text: 'y',
  });
  const app = createApp({
    cases: new CaseService(new Client({ connection }), 'none'),
    ruleset: loadRuleset('seeds-2017'),
    tokens: testTokenRegistry(),
    outboxDir,
    logger: silentLogger(),
  });
  server = await new Promise((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
});
afterAll(async () => {
  server?.close();
  await connection.close();
});

test('an administrator lists the outbox, newest first; others may not', async () => {
  const answer = await api.get<{ messages: Array<{ messageId: string; to: string; subject: string }> }>(
    '/api/v1/outbox',
    'admin',
  );
  expect(answer.status).toBe(200);
  expect(answer.body.messages.map((message) => [message.messageId, message.to, message.subject])).toEqual([
    ['second.0@kommune.invalid', 'leder@kk.dk', 'Sag A-1: eskalering'],
    ['first.0@kommune.invalid', 'jens@example.dk', 'Sag A-1: afgørelse'],
  ]);
  expect((await api.get('/api/v1/outbox', 'supervisor')).status).toBe(403);
  expect((await api.get('/api/v1/outbox?limit=1', 'admin')).body).toMatchObject({
    messages: [{ messageId: 'second.0@kommune.invalid' }],
  });
});
