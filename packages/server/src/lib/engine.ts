import { formatContentErrors, loadEngineResources } from '@calmdesk/content';
import { engineCreate, type TEngine } from '@calmdesk/engine';

let shared: TEngine | undefined;

/**
 * The process's engine, built on first use from content/. Invalid content stops the start
 * with every problem listed (file:line field: message).
 */
export function getEngine(): TEngine {
  if (shared) return shared;
  const resources = loadEngineResources();
  if (!resources.success) throw new Error(`calmdesk: the content/ folder has errors:\n${formatContentErrors(resources.errors)}`);
  shared = engineCreate(resources.data);
  return shared;
}
