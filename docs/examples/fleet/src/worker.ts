// One process of the fleet: sends its GETs all at once and prints how they ended, as one JSON line.
import { createFleetClient, type FleetSettings } from './fleet-client.js';

const { calls, ...settings } = JSON.parse(process.argv[2] ?? '{}') as FleetSettings & {
  calls: number;
};
const { cardda, close } = await createFleetClient(settings);
const results = await Promise.all(
  Array.from({ length: calls }, () => cardda.get('/banking/bank_transactions')),
);
const failed = results.filter((result) => result.isErr()).map((result) => result.error.kind);
console.log(JSON.stringify({ pid: process.pid, calls, ok: calls - failed.length, failed }));
close();
