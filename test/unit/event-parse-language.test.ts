import { courseEventValidators } from '../../src/domain/generated/event-validators';
import { parseEvent, type Validator } from '../../src/domain/engine/validation';
import { render } from '../../src/domain/messages';

const validators = courseEventValidators as unknown as Record<string, Validator<unknown>>;

// Issue 15: the audit timeline is read by Danish staff. An event the case refuses for its shape (one
// sent as a Signal, say) is recorded with each field's rule in the reader's language, not the
// schema's English.
test("an invalid event's field rules are said in Danish, and in English on request", () => {
  const parsed = parseEvent(validators, 'offerRegistered', {
    offerId: 'O-1',
    kind: 'mentor',
    real: true,
    plannedStart: '1999-12-31',
  });
  expect(parsed.ok).toBe(false);
  if (parsed.ok) return;
  expect(render(parsed.reason, 'da')).toBe(
    'hændelsen er ikke gyldig: plannedStart: skal være en dato fra 2000-01-01 til 2099-12-31',
  );
  expect(render(parsed.reason, 'en')).toBe(
    'the event is not valid: plannedStart: must be a date from 2000-01-01 to 2099-12-31',
  );
});
