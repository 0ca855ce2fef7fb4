import { DefaultFailureConverter } from '@temporalio/common';

/**
 * Failure messages and stack traces go through the payload codec too: an error message could quote
 * case data, and unencoded it would be stored in plaintext. Loaded by path, also inside workflows.
 */
export const failureConverter = new DefaultFailureConverter({ encodeCommonAttributes: true });
