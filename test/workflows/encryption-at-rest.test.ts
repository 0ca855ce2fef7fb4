import { Client } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { loadRuleset } from '../../src/config/rulesets';
import { workflowIdForCase } from '../../src/messages';
import { startDevServer, type DevServerHarness } from '../helpers/dev-server';
import { namespaceOf } from '../helpers/test-server';

const cpr = '241285-4321';
const healthNote = 'rygsmerter og angst';
let h: DevServerHarness;

beforeAll(async () => {
  h = await startDevServer();
});
afterAll(async () => {
  await h?.teardown();
});

/** Everything Temporal stores for a workflow, as the bytes it keeps (no decoding on our side). */
async function storedHistory(workflowId: string): Promise<string> {
  const response = await h.env.connection.workflowService.getWorkflowExecutionHistory({
    namespace: namespaceOf(h.env),
    execution: { workflowId },
  });
  const bytes = temporal.api.workflowservice.v1.GetWorkflowExecutionHistoryResponse.encode(response).finish();
  return Buffer.from(bytes).toString('latin1');
}

async function open(client: Client, caseId: string): Promise<string> {
  const workflowId = workflowIdForCase(caseId);
  await client.workflow.start('ressourceforloeb', {
    workflowId,
    taskQueue: h.taskQueue,
    args: [
      {
        open: {
          case: { caseId, municipality: '101', citizen: { cpr, name: 'Karen Hansen' } },
          rules: loadRuleset('seeds-2017'),
          openedBy: { id: 'cw-1', role: 'caseworker' },
        },
      },
    ],
  });
  return workflowId;
}

test('a case opened through the encrypting client leaves no CPR number or health note in the stored history', async () => {
  const workflowId = await open(h.env.client, 'ENC-1');
  await h.env.client.workflow.getHandle(workflowId).executeUpdate('recordTeamRecommendation', {
    args: [
      {
        actor: { id: 'cw-1', role: 'caseworker' },
        data: {
          recommends: 'ressourceforloeb',
          unanimous: false,
          dissent: [{ member: 'health', opinion: healthNote }],
          citizenAttendedWholeMeeting: true,
        },
      },
    ],
  });
  const history = await storedHistory(workflowId);
  expect(history).toContain('binary/encrypted');
  expect(history).not.toContain(cpr);
  expect(history).not.toContain('Karen Hansen');
  expect(history).not.toContain(healthNote);
});

test('control: without the codec the same case is stored in plaintext (so the check above can fail)', async () => {
  const plainClient = new Client({ connection: h.env.connection, namespace: namespaceOf(h.env) });
  const history = await storedHistory(await open(plainClient, 'ENC-2'));
  expect(history).toContain(cpr);
});
