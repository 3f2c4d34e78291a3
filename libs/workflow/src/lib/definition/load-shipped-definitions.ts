import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { WorkflowDefinition } from '../workflow.types';

export interface ShippedDefinition {
  /** File name inside the workflows folder, e.g. `enhetsplan.workflow.json`. */
  file: string;
  definition: WorkflowDefinition;
}

const SUFFIX = '.workflow.json';

/**
 * Reads every `*.workflow.json` of the folder, sorted by name, as parsed JSON (not validated:
 * run validateDefinition on each). A file that is not JSON stops the load with its name.
 */
export function loadShippedDefinitions(workflowsDir: string): ShippedDefinition[] {
  if (!existsSync(workflowsDir)) return [];
  return readdirSync(workflowsDir)
    .filter((name) => name.endsWith(SUFFIX))
    .sort()
    .map((file) => {
      try {
        return {
          file,
          definition: JSON.parse(readFileSync(join(workflowsDir, file), 'utf8')) as WorkflowDefinition,
        };
      } catch (e) {
        throw new Error(`Cannot read workflow definition ${file}: ${(e as Error).message}`);
      }
    });
}
