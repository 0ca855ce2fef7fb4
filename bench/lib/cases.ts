import type { NewCaseInput } from '../../src/messages';

/** A new ressourceforløb as a caseworker of København registers it (no real person: a test CPR). */
export function newCase(caseId: string): NewCaseInput {
  return {
    caseId,
    municipality: '101',
    citizen: { cpr: '010190-1234', name: 'Bench Borger', email: 'borger@example.dk' },
  };
}

/** Case IDs that can never look like a CPR number: a prefix, a dash, at most 7 digits. */
export function caseId(prefix: string, index: number): string {
  return `${prefix}-${index}`;
}
