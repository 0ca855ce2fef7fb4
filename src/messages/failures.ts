/**
 * The failure types that cross between processes, defined once: the workflow throws them (as
 * ApplicationFailure types), the activities throw the delivery ones, the client maps them to what the
 * caller is told. A string written twice could drift; these cannot.
 */
export const failureTypes = {
  /** The case refused an event; the message is the reason, for the caseworker. */
  eventRefused: 'EventRefused',
  /** The person does not act for the case's municipality. */
  forbidden: 'Forbidden',
  /** The event belongs to another kind of case (a fleksjob event sent to a ressourceforløb, say). */
  wrongKindOfCase: 'WrongKindOfCase',
  /** Assigning a caseworker over the caseload limit, where the case's ruleset refuses it. */
  caseloadLimitReached: 'CaseloadLimitReached',
  /** A recipient's own address was refused for good: trying again will not help. */
  deliveryRejected: 'DeliveryRejected',
  /** A delivery that may succeed later: Temporal tries again, then the case waits and tries again. */
  deliveryUnavailable: 'DeliveryUnavailable',
  /** A workflow started without what it needs (neither a new case nor a state). */
  invalidInput: 'InvalidInput',
} as const;

export type FailureType = (typeof failureTypes)[keyof typeof failureTypes];
