import path from 'node:path';
import { DEFAULT_CONTENT_DIR, formatContentErrors } from '@calmdesk/content';
import { loadScenarios, type TScenarioFile } from '@calmdesk/content/scenario';

let cached: Map<string, TScenarioFile> | undefined;

/**
 * The built-in scenarios (content/scenarios), validated once per process. Invalid files
 * stop the start with every problem listed, like the rest of content/.
 */
export function getScenarios(): Map<string, TScenarioFile> {
  if (cached) return cached;
  const result = loadScenarios(path.join(DEFAULT_CONTENT_DIR, 'scenarios'));
  if (!result.success) throw new Error(`calmdesk: content/scenarios has errors:\n${formatContentErrors(result.errors)}`);
  cached = new Map(result.data.map((s) => [s.id, s]));
  return cached;
}
