// Writes content/scenarios/scenario.schema.json from the Zod schema the validator uses.
//   npx tsx --conditions=source scripts/write-scenario-schema.ts
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { scenarioJsonSchema } from '@calmdesk/content/scenario';

const file = fileURLToPath(new URL('../content/scenarios/scenario.schema.json', import.meta.url));
fs.writeFileSync(file, `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
console.log(`wrote ${file}`);
