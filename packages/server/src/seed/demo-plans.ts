import type { TDb } from '../db/client.js';
import type { TDemoPeople } from './demo.js';

/** Demo data of the plans area, added when the demo organisation is created. */
export async function seedPlanDemo(tx: TDb, organisationId: string, people: TDemoPeople): Promise<void> {
  void tx;
  void organisationId;
  void people;
}
