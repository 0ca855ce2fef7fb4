import { temporal } from '@temporalio/proto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { allSearchAttributeKeys } from '../../src/messages/search-attributes';

/** The time-skipping server rejects unknown search attributes, as a real cluster does. */
export async function registerSearchAttributes(env: TestWorkflowEnvironment): Promise<void> {
  const searchAttributes = Object.fromEntries(
    allSearchAttributeKeys.map((key) => [
      key.name,
      temporal.api.enums.v1.IndexedValueType[
        `INDEXED_VALUE_TYPE_${key.type}` as keyof typeof temporal.api.enums.v1.IndexedValueType
      ],
    ]),
  );
  await env.connection.operatorService.addSearchAttributes({
    namespace: env.namespace ?? 'default',
    searchAttributes,
  });
}
