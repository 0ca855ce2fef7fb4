import { z } from 'zod';
import { CaseIdentityShape } from '../engine/identity';
import { commonEventSchemas, type EventsOf } from '../engine/events';
import { dateWithin, text } from '../engine/fields';

/** The events of a kontanthjælp spell: the common ones and its own. */
export const cashBenefitEvents = {
  ...commonEventSchemas,
  cashBenefitInterrupted: z
    .object({
      reason: z.enum(['employment', 'education', 'other-benefit', 'moved', 'other']),
      note: text(2000, { multiline: true }).optional(),
    })
    .strict(),
  /** Seeds: the caseworker put the case to the rehabilitation team after the right to assessment was given. */
  caseSentToTeam: z.object({ note: text(2000, { multiline: true }).optional() }).strict(),
  /** Law (LAB § 36 a, stk. 2): the municipality's afklaring — to the team, or which measure follows. */
  afklaringRecorded: z
    .object({ outcome: z.enum(['team', 'measure']), note: text(2000, { multiline: true }).optional() })
    .strict(),
  /** Law (LAB § 36 a): the recipient is now aktivitetsparat or jobparat. */
  categoryChanged: z.object({ category: z.enum(['aktivitetsparat', 'jobparat']) }).strict(),
} as const;

export type CashBenefitEventType = keyof typeof cashBenefitEvents;
export type CashBenefitEventData<T extends CashBenefitEventType> = z.output<(typeof cashBenefitEvents)[T]>;
export type CashBenefitEvent = EventsOf<typeof cashBenefitEvents>;

export const OpenCashBenefitSchema = z
  .object({
    ...CaseIdentityShape,
    /** The first day of the continuous spell, when it began before it was registered here. */
    spellStartedOn: dateWithin('1990-01-01', '2099-12-31').optional(),
    /** Law (LAB § 36 a): aktivitetsparat (the default) or jobparat. */
    category: z.enum(['aktivitetsparat', 'jobparat']).optional(),
  })
  .strict();
export type OpenCashBenefit = z.output<typeof OpenCashBenefitSchema>;
