import { proxySinks, type Sinks } from '@temporalio/workflow';

/**
 * What a case tells its worker process beside its history: figures for the worker's metrics. A sink
 * call is no command (replay is unaffected) and the worker runs it only outside replay, once.
 */
export interface CaseSinks extends Sinks {
  caseMetrics: {
    /** An event the case refused and recorded in its timeline. */
    eventRefused(): void;
  };
}

export const { caseMetrics } = proxySinks<CaseSinks>();
