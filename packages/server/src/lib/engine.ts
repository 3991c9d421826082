import { formatContentErrors, loadEngineResources } from '@calmdesk/content';
import { engineCreate, type TEngine } from '@calmdesk/engine';

let shared: Promise<TEngine> | undefined;

/**
 * The process's engine, built once from content/. Invalid content rejects with every
 * problem listed (file:line field: message), which stops the start.
 */
export function getEngine(): Promise<TEngine> {
  shared ??= loadEngineResources().then((resources) => {
    if (!resources.success) throw new Error(`calmdesk: the content/ folder has errors:\n${formatContentErrors(resources.errors)}`);
    return engineCreate(resources.data);
  });
  return shared;
}
