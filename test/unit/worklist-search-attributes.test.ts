import { parseEscalation, visibilityQuery } from '../../src/client/visibility';
import { course } from '../../src/domain';
import { worklistFigures } from '../../workflows/search-attributes';
import { after, caseworker, open, send, supervisor } from '../helpers/core';

/**
 * What the worklist reads from visibility: a breached deadline drops out of the next deadline, so
 * the case publishes it apart (overdue since, which kinds) until it is met or the case closes; and
 * its open escalations with level, cause and since when — codes and times, no free text.
 */
test('a breached deadline is published as overdue since its due instant, with its kind and escalation', () => {
  const breached = course.advanceClock(open(), after('P2W'));
  expect(worklistFigures(course, breached)).toEqual({
    overdueSince: new Date(after('P2W')).toISOString(),
    overdueDeadlines: ['coordinating-caseworker'],
    openEscalations: [`esc-1|1|supervisor|coordinating-caseworker|${new Date(after('P2W')).toISOString()}`],
  });
});

test('an acknowledged escalation leaves the list; the breach stays overdue until the deadline is met', () => {
  const breached = course.advanceClock(open(), after('P2W'));
  const acknowledged = send(
    breached,
    'escalationAcknowledged',
    { escalationId: 'esc-1' },
    after('P2W', 1),
    supervisor,
  );
  expect(worklistFigures(course, acknowledged)).toMatchObject({
    overdueDeadlines: ['coordinating-caseworker'],
    openEscalations: [],
  });
  const met = send(
    acknowledged,
    'caseworkerAssigned',
    { caseworkerId: 'sara.caseworker', name: 'Sara' },
    after('P2W', 2),
    caseworker,
  );
  expect(worklistFigures(course, met)).toMatchObject({ overdueSince: null, overdueDeadlines: [] });
});

test('a case within its deadlines has nothing overdue', () => {
  expect(worklistFigures(course, course.advanceClock(open(), after('P1W')))).toEqual({
    overdueSince: null,
    overdueDeadlines: [],
    openEscalations: [],
  });
});

test('deadlineBefore matches the next deadline or a breached one; overdue and overdueBefore the breached', () => {
  const at = '2027-01-04T08:00:00.000Z';
  expect(visibilityQuery({ status: 'open', deadlineBefore: at })).toContain(
    `(RfNextDeadline < '${at}' OR RfOverdueSince < '${at}')`,
  );
  expect(visibilityQuery({ status: 'open', overdue: true })).toContain('RfOverdueSince IS NOT NULL');
  expect(visibilityQuery({ status: 'open', overdue: false })).toContain('RfOverdueSince IS NULL');
  expect(visibilityQuery({ status: 'open', overdueBefore: at })).toContain(`RfOverdueSince < '${at}'`);
});

test('an escalation entry is read back; one that does not parse is left out', () => {
  expect(parseEscalation('esc-2|2|head-of-department|decision|2027-01-18T08:00:00.000Z')).toEqual([
    {
      id: 'esc-2',
      level: 2,
      levelRole: 'head-of-department',
      cause: 'decision',
      since: '2027-01-18T08:00:00.000Z',
    },
  ]);
  expect(parseEscalation('supervisor=1')).toEqual([]);
});
