import { z } from 'zod';
import { cashBenefitEvents, OpenCashBenefitSchema } from '../domain/cash-benefit/events';
import { courseEvents, OpenCourseSchema } from '../domain/course/events';
import { fleksjobEvents, OpenFleksjobSchema } from '../domain/fleksjob/events';
import type { EventMessage } from './index';

/**
 * The schemas of the messages, for the API and the client (zod: never imported by the workflows,
 * which check events with the validators generated from the same schemas).
 */

/** Every event's schema, by type (the common events are the same schema in every kind). */
const eventSchemas: Record<string, z.ZodType> = { ...courseEvents, ...fleksjobEvents, ...cashBenefitEvents };

/** The schema of an event message's data. */
export function eventSchemaOf(message: Pick<EventMessage, 'type'>): z.ZodType {
  const schema = eventSchemas[message.type];
  if (!schema) throw new Error(`no schema for event type "${message.type}"`);
  return schema;
}

/** A new case of any kind, as the API and the client take it; without `kind` it is a ressourceforløb. */
export const NewCaseSchema = z.preprocess(
  (value) =>
    value && typeof value === 'object' && !Array.isArray(value) && !('kind' in value)
      ? { ...value, kind: 'ressourceforloeb' }
      : value,
  z.discriminatedUnion('kind', [
    OpenCourseSchema.extend({ kind: z.literal('ressourceforloeb') }),
    OpenFleksjobSchema.extend({ kind: z.literal('fleksjob') }),
    OpenCashBenefitSchema.extend({ kind: z.literal('cash-benefit') }),
  ]),
);
export type NewCase = z.output<typeof NewCaseSchema>;
export type NewCaseInput = z.input<typeof NewCaseSchema>;
