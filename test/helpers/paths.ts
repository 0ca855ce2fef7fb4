import { join } from 'node:path';

export const WORKFLOW_BUNDLE_PATH = join(__dirname, '..', '..', '.cache', 'workflow-bundle.js');
