import { Foundation1764180000000 } from './1764180000000-foundation';
import { WorkflowEngine1764190000000 } from './1764190000000-workflow-engine';

/** Every migration, in order. Schema changes happen only here (synchronize is off). */
export const MIGRATIONS = [Foundation1764180000000, WorkflowEngine1764190000000];
