import * as wf from '@temporalio/workflow';
import type { AnyCaseState, CaseRules } from '../src/domain/core';
import { searchAttributes } from '../src/messages/search-attributes';

/**
 * Upserts the supervisors' search attributes when they change (each upsert is a history event, so
 * only a change is published). Nothing here identifies a citizen: only case facts.
 */
export function searchAttributePublisher<S extends AnyCaseState>(rules: CaseRules<S>): (state: S) => void {
  let published = '';
  return (state) => {
    const next = rules.deadlines(state).find((deadline) => deadline.status === 'pending');
    const values = {
      phase: state.phase,
      municipality: state.municipality,
      caseworker: state.coordinatingCaseworker?.id ?? null,
      ruleset: `${state.ruleset.name}@${state.ruleset.version}`,
      outcome: rules.outcome(state),
      nextDeadline: next ? next.dueAt : null,
      nextDeadlineKind: next ? next.kind : null,
      escalated: state.escalations.some((escalation) => escalation.status === 'open'),
    };
    const fingerprint = JSON.stringify(values);
    if (fingerprint === published) return;
    published = fingerprint;
    wf.upsertSearchAttributes([
      { key: searchAttributes.caseKind, value: rules.kind },
      { key: searchAttributes.phase, value: values.phase },
      { key: searchAttributes.municipality, value: values.municipality },
      { key: searchAttributes.caseworker, value: values.caseworker },
      { key: searchAttributes.ruleset, value: values.ruleset },
      { key: searchAttributes.outcome, value: values.outcome },
      {
        key: searchAttributes.nextDeadline,
        value: values.nextDeadline ? new Date(values.nextDeadline) : null,
      },
      { key: searchAttributes.nextDeadlineKind, value: values.nextDeadlineKind },
      { key: searchAttributes.escalated, value: values.escalated },
    ]);
  };
}
