import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

/**
 * What supervisors filter case lists by. Search attributes are stored unencrypted and indexed, so
 * nothing here may identify a citizen or describe their health: only case facts. The dev server
 * allows few custom attributes (10 Keyword, 3 KeywordList, 3 Datetime, 3 Int, 3 Bool); this list
 * uses 7 Keyword, 3 KeywordList, 3 Datetime, 2 Int and 1 Bool — every Datetime and KeywordList.
 */
export const searchAttributes = {
  caseKind: defineSearchAttributeKey('RfCaseKind', SearchAttributeType.KEYWORD),
  phase: defineSearchAttributeKey('RfPhase', SearchAttributeType.KEYWORD),
  municipality: defineSearchAttributeKey('RfMunicipality', SearchAttributeType.KEYWORD),
  caseworker: defineSearchAttributeKey('RfCaseworker', SearchAttributeType.KEYWORD),
  ruleset: defineSearchAttributeKey('RfRuleset', SearchAttributeType.KEYWORD),
  outcome: defineSearchAttributeKey('RfOutcome', SearchAttributeType.KEYWORD),
  nextDeadline: defineSearchAttributeKey('RfNextDeadline', SearchAttributeType.DATETIME),
  nextDeadlineKind: defineSearchAttributeKey('RfNextDeadlineKind', SearchAttributeType.KEYWORD),
  escalated: defineSearchAttributeKey('RfEscalated', SearchAttributeType.BOOL),
  // The operators' figures (the worker's gauges sum them over running cases): counts and times only.
  breachesOpen: defineSearchAttributeKey('RfBreachesOpen', SearchAttributeType.INT),
  /** One entry per escalation level with open escalations, `level=count`: `supervisor=1`. */
  escalationsOpen: defineSearchAttributeKey('RfEscalationsOpen', SearchAttributeType.KEYWORD_LIST),
  mailsQueued: defineSearchAttributeKey('RfMailsQueued', SearchAttributeType.INT),
  mailOldestQueued: defineSearchAttributeKey('RfMailOldestQueued', SearchAttributeType.DATETIME),
  // The worklist's (a breached deadline drops out of RfNextDeadline, but must stay visible until met).
  /** When the earliest breached deadline of an open case fell due; absent when none is breached. */
  overdueSince: defineSearchAttributeKey('RfOverdueSince', SearchAttributeType.DATETIME),
  /** The kinds of the open case's breached deadlines: `first-measure`, `decision`. */
  overdueDeadlines: defineSearchAttributeKey('RfOverdueDeadlines', SearchAttributeType.KEYWORD_LIST),
  /**
   * One entry per open escalation of an open case, `id|level|levelRole|cause|raisedAt`:
   * `esc-1|1|supervisor|first-measure|2026-03-02T23:00:00.000Z` (the cause is the breached deadline's
   * kind, or `delivery` for a letter that could not be delivered). Codes and a time: no free text.
   */
  openEscalations: defineSearchAttributeKey('RfOpenEscalations', SearchAttributeType.KEYWORD_LIST),
} as const;

export const allSearchAttributeKeys = Object.values(searchAttributes);

/** The type names `temporal server start-dev --search-attribute` and `temporal operator` expect. */
const cliTypeNames: Record<SearchAttributeType, string> = {
  TEXT: 'Text',
  KEYWORD: 'Keyword',
  INT: 'Int',
  DOUBLE: 'Double',
  BOOL: 'Bool',
  DATETIME: 'Datetime',
  KEYWORD_LIST: 'KeywordList',
};

export function searchAttributesForCli(): string[] {
  return allSearchAttributeKeys.map((key) => `${key.name}=${cliTypeNames[key.type]}`);
}
