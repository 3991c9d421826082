import path from 'node:path';
import { DEFAULT_CONTENT_DIR, formatContentErrors } from '@calmdesk/content';
import { loadCurriculum } from '@calmdesk/content/curriculum';
import type { TDb } from '../db/client.js';
import { organisations } from '../db/schema.js';
import { importCurriculum } from '../services/curriculum-import.service.js';

/**
 * Brings the built-in curriculum into every organisation at start. Broken curriculum files
 * do not stop CalmDesk (people still need the rest of it): the problems are logged, nothing
 * is imported, and what organisations already have stays.
 * @returns a line for the start-up log
 */
export async function syncBuiltInCurriculum(db: TDb): Promise<string> {
  const loaded = loadCurriculum(path.join(DEFAULT_CONTENT_DIR, 'curriculum'));
  if (!loaded.success) return `curriculum not imported; content/curriculum has errors:\n${formatContentErrors(loaded.errors)}`;
  const orgs = await db.select({ id: organisations.id }).from(organisations);
  let inserted = 0;
  let updated = 0;
  for (const org of orgs) {
    const counts = await importCurriculum(db, org.id, loaded.data);
    inserted += counts.inserted;
    updated += counts.updated;
  }
  return `curriculum: ${loaded.data.courses.length} courses in ${orgs.length} organisation(s); ${inserted} items added, ${updated} updated`;
}
