import * as immer from 'immer';
import * as domain from '../src/domain/core';
import * as eventValidators from '../src/domain/generated/event-validators';
import * as messageTable from '../src/domain/messages';
import * as messages from '../src/messages';
import * as searchAttributes from '../src/messages/search-attributes';

/**
 * The modules every case workflow shares: the worker evaluates them once, before any workflow, and
 * freezes them (the bundle's `preloadModules`, worker/workflow-bundle.ts); without this every workflow
 * would evaluate its own copy of the case rules, the messages, the message table (staff texts) and immer. Named here, in a module of our
 * own, because a package named in `preloadModules` is dropped by webpack (immer declares
 * `sideEffects: false`) unless something uses it.
 *
 * What is shared must not change once evaluated: no module-level state, nothing mutated in place, and
 * no regular expression with the g or y flag kept in a constant (test() and replace() write its
 * lastIndex). The one exception is a memo of a pure function (the calendar's zoned arithmetic,
 * engine/calendar.ts): it changes how often an answer is computed, never the answer, so no workflow
 * can see another through it. The workflow tests run every workflow with these modules preloaded.
 */
export const sharedModules = { immer, domain, eventValidators, messageTable, messages, searchAttributes };
