/**
 * What can go wrong when a case is asked something or sent an event, as the API and scripts tell
 * callers apart: each is one answer (404, 409, 403, 422, 503 …), none a 500.
 */
export class CaseNotFoundError extends Error {
  constructor(readonly caseId: string) {
    super(`no case with ID ${caseId}`);
  }
}

export class CaseAlreadyExistsError extends Error {
  constructor(readonly caseId: string) {
    super(`a case with ID ${caseId} already exists`);
  }
}

/** The case refused the event, or the new case is invalid; `reason` says why in words a caseworker understands. */
export class EventRefusedError extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

/** The event belongs to another kind of case (a fleksjob event sent to a ressourceforløb, say). */
export class WrongKindOfCaseError extends Error {}

/** The case belongs to a municipality the person does not act for. */
export class ForbiddenCaseError extends Error {}

/** Temporal, or a worker for the case, did not answer in time. */
export class CaseUnavailableError extends Error {}

/** Assigning a caseworker over the case's caseload limit, where its ruleset refuses it. */
export class CaseloadLimitError extends Error {}

/** An Idempotency-Key used before, by the same person on the same case and route, for another request. */
export class IdempotencyKeyReusedError extends Error {
  constructor() {
    super('this Idempotency-Key was used for another request on this case: use a new key for a new request');
  }
}

/** A page token this list did not hand out (altered, made up, or from another list). */
export class InvalidPageTokenError extends Error {
  constructor() {
    super('not a page token of this list: start again from the first page');
  }
}
