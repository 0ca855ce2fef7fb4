import { msg, render, type Text } from '../domain/messages';

/**
 * What can go wrong when a case is asked something or sent an event, as the API and scripts tell
 * callers apart: each is one answer (404, 409, 403, 422, 503 …), none a 500. Each carries its text as
 * a message (`text`), which the API renders in the caller's language; `message` is its English.
 */
export class CaseError extends Error {
  constructor(readonly text: Text) {
    super(render(text, 'en'));
  }
}

export class CaseNotFoundError extends CaseError {
  constructor(readonly caseId: string) {
    super(msg('case.not-found', { caseId }));
  }
}

export class CaseAlreadyExistsError extends CaseError {
  constructor(readonly caseId: string) {
    super(msg('case.exists', { caseId }));
  }
}

/** The case refused the event, or the new case is invalid; `reason` says why in words a caseworker understands. */
export class EventRefusedError extends CaseError {
  constructor(readonly reason: Text) {
    super(reason);
  }
}

/** The event belongs to another kind of case (a fleksjob event sent to a ressourceforløb, say). */
export class WrongKindOfCaseError extends CaseError {}

/** The case belongs to a municipality the person does not act for. */
export class ForbiddenCaseError extends CaseError {}

/** Temporal, or a worker for the case, did not answer in time. */
export class CaseUnavailableError extends CaseError {}

/** Assigning a caseworker over the case's caseload limit, where its ruleset refuses it. */
export class CaseloadLimitError extends CaseError {}

/** An Idempotency-Key used before, by the same person on the same case and route, for another request. */
export class IdempotencyKeyReusedError extends CaseError {
  constructor() {
    super(msg('idempotency.key-reused'));
  }
}

/** A page token this list did not hand out (altered, made up, or from another list). */
export class InvalidPageTokenError extends CaseError {
  constructor() {
    super(msg('page-token.invalid'));
  }
}
