import { Worker } from '@temporalio/worker';
import { createDataConverter } from '../../src/temporal/data-converter';
import { recordedHistories } from '../helpers/histories';
import { historyKeyRing } from '../helpers/keys';
import { WORKFLOW_BUNDLE_PATH } from '../helpers/paths';
import { installQuietRuntime } from '../helpers/quiet-logger';

installQuietRuntime();

/**
 * Cases already running must keep running after every change: today's workflow code replays the
 * histories recorded from earlier versions (test/histories; refresh with `npm run histories:record`
 * only when a change is compatible, and use patched() when it is not).
 */
const histories = recordedHistories();

test('there are recorded histories to replay', () => {
  expect(histories.length).toBeGreaterThanOrEqual(5);
});

test.each(histories.map(({ name, history }) => [name, history] as const))(
  'replays %s',
  async (_name, history) => {
    await Worker.runReplayHistory(
      {
        workflowBundle: { codePath: WORKFLOW_BUNDLE_PATH },
        dataConverter: createDataConverter(historyKeyRing()),
      },
      history,
    );
  },
);
