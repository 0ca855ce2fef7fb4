import { CaseIdSchema } from '../../src/domain';

/** A case ID must never carry a CPR number: anything that looks like one is refused. */
test.each(['0101901234', '010190-1234', 'KBH-310199-0000', 'sag_1512856789', 'A-2902001111-B'])(
  'refuses %s',
  (id) => {
    const result = CaseIdSchema.safeParse(id);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe(
      'looks like a CPR number; a case ID must not contain personal data',
    );
  },
);

test.each(['KBH-2026-0001', 'KBH-20261122-121608', 'AAR.2027.12345', 'sag-1795261234', 'FJ-7', '123456789'])(
  'accepts %s',
  (id) => {
    expect(CaseIdSchema.safeParse(id).success).toBe(true);
  },
);

test.each(['', 'ab', 'has space', 'ø-ikke-ascii', '-leading-dash', 'x'.repeat(65)])(
  'refuses the malformed "%s"',
  (id) => {
    expect(CaseIdSchema.safeParse(id).success).toBe(false);
  },
);
