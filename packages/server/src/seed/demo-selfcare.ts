import type { TDb } from '../db/client.js';
import type { TDemoPeople } from './demo.js';

/** Seeds self-care data for the demo organisation. */
export async function seedSelfcareDemo(_tx: TDb, _organisationId: string, _people: TDemoPeople): Promise<void> {}
