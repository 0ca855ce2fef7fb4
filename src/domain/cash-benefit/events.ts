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
} as const;

export type CashBenefitEventType = keyof typeof cashBenefitEvents;
export type CashBenefitEventData<T extends CashBenefitEventType> = z.output<(typeof cashBenefitEvents)[T]>;
export type CashBenefitEvent = EventsOf<typeof cashBenefitEvents>;

export const OpenCashBenefitSchema = z
  .object({
    ...CaseIdentityShape,
    /** The first day of the continuous spell, when it began before it was registered here. */
    spellStartedOn: dateWithin('1990-01-01', '2099-12-31').optional(),
  })
  .strict();
export type OpenCashBenefit = z.output<typeof OpenCashBenefitSchema>;
