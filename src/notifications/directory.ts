import type { Recipient } from '../domain/state';

/**
 * Where the people behind a role are reached. The case knows the citizen's, the caseworker's and
 * relatives' own addresses; supervisors, heads of department and a job centre's shared inbox (for a
 * case without a coordinating caseworker yet) are looked up per municipality.
 */
export interface Directory {
  addressFor(recipient: Recipient, municipality: string): string | undefined;
}

export interface MunicipalityContacts {
  supervisor: string;
  'head-of-department': string;
  /** The job centre's shared inbox: caseworker tasks of cases without a coordinating caseworker. */
  jobcentre: string;
}

export function createDirectory(
  contacts: Record<string, MunicipalityContacts>,
  fallback: (municipality: string) => MunicipalityContacts = (municipality) => ({
    supervisor: `leder@kommune-${municipality}.invalid`,
    'head-of-department': `chef@kommune-${municipality}.invalid`,
    jobcentre: `jobcenter@kommune-${municipality}.invalid`,
  }),
): Directory {
  return {
    addressFor(recipient, municipality) {
      if (recipient.email) return recipient.email;
      const known = contacts[municipality] ?? fallback(municipality);
      switch (recipient.role) {
        case 'supervisor':
        case 'head-of-department':
          return known[recipient.role];
        case 'caseworker':
          return known.jobcentre;
        default:
          return undefined;
      }
    },
  };
}
