import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Recipient } from '../domain/engine/case';
import { describeIssues } from '../domain/engine/validation';
import { officialMunicipalityName } from './municipalities';

/**
 * Where the people behind a role are reached. The case knows the citizen's, the caseworker's and
 * relatives' own addresses; supervisors, heads of department and a job centre's shared inbox (for a
 * case without a coordinating caseworker yet) are looked up per municipality.
 */
export interface Directory {
  /** undefined: this recipient has no address (a citizen without email), or the directory lacks one. */
  addressFor(recipient: Recipient, municipality: string): string | undefined;
  /** How the municipality is named in messages. */
  municipalityName(municipality: string): string;
}

export interface MunicipalityContacts {
  /** e.g. "Københavns Kommune"; when not given, the official name from municipalities.json. */
  name?: string;
  supervisor: string;
  'head-of-department': string;
  /** The job centre's shared inbox: caseworker tasks of cases without a coordinating caseworker. */
  jobcentre: string;
}

/** The built-in addresses when no directory file is given: nothing is delivered to them outside tests. */
export function fallbackContacts(municipality: string): MunicipalityContacts {
  return {
    supervisor: `leder@kommune-${municipality}.invalid`,
    'head-of-department': `chef@kommune-${municipality}.invalid`,
    jobcentre: `jobcenter@kommune-${municipality}.invalid`,
  };
}

/**
 * `contacts` per three-digit municipality code, and `"*"` for every municipality not listed. Without a
 * fallback, a municipality that is not listed has no staff addresses (delivery then waits, see activities).
 */
export function createDirectory(
  contacts: Record<string, MunicipalityContacts>,
  fallback: ((municipality: string) => MunicipalityContacts) | null = fallbackContacts,
): Directory {
  const contactsOf = (municipality: string): MunicipalityContacts | undefined =>
    contacts[municipality] ?? contacts['*'] ?? fallback?.(municipality);
  return {
    addressFor(recipient, municipality) {
      if (recipient.email) return recipient.email;
      const known = contactsOf(municipality);
      if (!known) return undefined;
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
    municipalityName(municipality) {
      return contacts[municipality]?.name ?? officialMunicipalityName(municipality);
    },
  };
}

const address = z.email({
  error: (issue) => (issue.input === undefined ? 'required: an email address' : 'not an email address'),
});

const ContactsSchema = z
  .object({
    name: z.string().trim().min(1).max(200).optional(),
    supervisor: address,
    'head-of-department': address,
    jobcentre: address,
  })
  .strict();

const MUNICIPALITY_KEY = 'a three-digit municipality code, or "*" for every other municipality';

export const DirectoryFileSchema = z.record(
  z.string().regex(/^(\d{3}|\*)$/, MUNICIPALITY_KEY),
  ContactsSchema,
);

/**
 * Reads a directory file: `{ "101": { "name", "supervisor", "head-of-department", "jobcentre" }, "*": … }`.
 * Throws with one line per problem (`101.supervisor: Invalid email address`); never prints the file.
 */
export function readDirectoryFile(path: string): Directory {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new DirectoryFileError([
      code ? `cannot read ${path} (${code})` : `${path} is not valid JSON: ${(error as Error).message}`,
    ]);
  }
  const parsed = DirectoryFileSchema.safeParse(raw);
  if (!parsed.success) {
    // A wrong key is reported by zod as "Invalid key in record": say what a key must be.
    const problems = describeIssues(parsed.error).map((issue) =>
      issue.endsWith(': Invalid key in record')
        ? issue.replace(/Invalid key in record$/, MUNICIPALITY_KEY)
        : issue,
    );
    throw new DirectoryFileError(problems.map((problem) => `${path}: ${problem}`));
  }
  return createDirectory(parsed.data, null);
}

export class DirectoryFileError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
  }
}
