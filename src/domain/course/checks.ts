/**
 * The refinements of a ressourceforløb's events (events.ts), as named zod-free predicates that the
 * zod schemas and the generated validators both run (see src/domain/engine/checks.ts).
 */
export const courseEventChecks = {
  /** A recommendation that is not unanimous names who dissented and why; a unanimous one names none. */
  dissentNamedUnlessUnanimous: (value: { unanimous: boolean; dissent: readonly unknown[] }) =>
    value.unanimous === (value.dissent.length === 0),
  /** A refusal says what the citizen is directed to instead; a grant does not. */
  refusalNamesAlternative: (value: { decision: string; alternative?: string | undefined }) =>
    (value.decision === 'refuse') === (value.alternative !== undefined),
  /** Only a grant gives the period the course is granted for ("frem til"). */
  grantedUntilOnlyWithGrant: (value: { decision: string; grantedUntil?: string | undefined }) =>
    value.grantedUntil === undefined || value.decision === 'grant-course',
  /** A complaint about an offer names the offer; other complaints do not. */
  offerComplaintNamesOffer: (value: { about: string; offerId?: string | undefined }) =>
    (value.about === 'offer') === (value.offerId !== undefined),

  /** A period ends after it starts (ISO dates compare as strings). */
  periodInOrder: (value: { from: string; to: string }) => value.from < value.to,
};
