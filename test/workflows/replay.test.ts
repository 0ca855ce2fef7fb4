import { Worker } from '@temporalio/worker';
import { createDataConverter } from '../../src/temporal/data-converter';
import { recordedHistories } from '../helpers/histories';
import { historyKeyRing } from '../helpers/keys';
import { WORKFLOW_BUNDLE_PATH } from '../helpers/paths';
import { caseSinks } from '../../worker/create-worker';
import { installQuietRuntime } from '../helpers/quiet-logger';

installQuietRuntime();

/**
 * Cases already running must keep running after every change: today's workflow code replays the
 * histories recorded from earlier versions. Each folder of test/histories is one recording, kept for
 * good; add a new one with `RECORD_HISTORIES=<date-and-topic> npm run histories:record` after a
 * change, and put a change that would not replay an older folder behind a patch (workflows/patches.ts:
 * asked through the run's `patches`, so that a run started with the release marker asks it too).
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
        sinks: caseSinks(),
      },
      history,
    );
  },
);
