import { z } from 'zod';
import { personTypedId, text } from './fields';

/**
 * Who a case is about and where (zod schemas: the API checks a new case with them; the case's state
 * holds what they parsed).
 */

/** A case ID is chosen by the municipality. It must never carry a CPR number. */
export const CaseIdSchema = personTypedId({ min: 3, what: 'a case ID' });

export const MunicipalitySchema = z.string().regex(/^\d{3}$/, 'the three-digit municipality code, e.g. 101');

export const CitizenSchema = z
  .object({
    cpr: z.string().regex(/^\d{6}-?\d{4}$/, 'a CPR number is 10 digits, DDMMYY-XXXX'),
    name: text(200),
    email: z.email().optional(),
  })
  .strict();
export type Citizen = z.infer<typeof CitizenSchema>;

/** Who a case is about and where: every kind of case is opened with these. */
export const CaseIdentityShape = {
  caseId: CaseIdSchema,
  municipality: MunicipalitySchema,
  citizen: CitizenSchema,
};
