import { createCarddaClient } from '@issuer-errors/cardda';
import type { IssuerClient } from '@issuer-errors/core/ky';
import { createRedisRateStore } from '@issuer-errors/redis';
import { createClient } from 'redis';

/** What every process of the fleet knows: where Cardda and Redis are, and its key. */
export interface FleetSettings {
  readonly baseUrl: string;
  readonly apiKey: string;
  readonly companyId: string;
  readonly redisUrl: string;
}

/** A Cardda client whose budget (40 requests/s) is the whole fleet's, kept in Redis. */
export async function createFleetClient(
  settings: FleetSettings,
): Promise<{ cardda: IssuerClient; close: () => void }> {
  const redis = await createClient({ url: settings.redisUrl }).connect();
  // If Redis stops answering, each process keeps its share of the budget (one of the processes
  // Redis last counted) until it answers again; setup mistakes are reported once, by name.
  const rateStore = createRedisRateStore({
    redis,
    onStoreError: (error) => console.warn(error.problem, error.message),
  });
  const cardda = createCarddaClient({
    baseUrl: settings.baseUrl,
    apiKey: settings.apiKey,
    companyId: settings.companyId,
    rateLimit: { requestsPerSecond: 40 }, // the whole fleet's, as Cardda counts it: per API key
    rateStore,
  });
  return {
    cardda,
    close: () => {
      rateStore.close();
      redis.destroy();
    },
  };
}
