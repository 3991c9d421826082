import type { TDb } from '../db/client.js';
import type { TDemoPeople } from './demo.js';

/** Seeds live-assist data for the demo organisation. */
export async function seedAssistDemo(_tx: TDb, _organisationId: string, _people: TDemoPeople): Promise<void> {}
