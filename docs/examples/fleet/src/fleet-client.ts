import { createCarddaClient } from '@issuer-errors/cardda';
import type { IssuerClient } from '@issuer-errors/core/ky';
import { createRedisRateStore } from '@issuer-errors/redis';
import { createClient } from 'redis';

/** What every process of the fleet knows: where Cardda and Redis are, its key, and how many processes share it. */
export interface FleetSettings {
  readonly baseUrl: string;
  readonly apiKey: string;
  readonly companyId: string;
  readonly redisUrl: string;
  readonly processes: number;
}

/** A Cardda client whose budget (40 requests/s) is the whole fleet's, kept in Redis. */
export async function createFleetClient(
  settings: FleetSettings,
): Promise<{ cardda: IssuerClient; close: () => void }> {
  const redis = await createClient({ url: settings.redisUrl }).connect();
  const rateStore = createRedisRateStore({
    redis,
    // If Redis stops answering, each process keeps its share of the budget until it answers again.
    fallbackShare: 1 / settings.processes,
    onStoreError: (error) => console.warn(error.message),
  });
  const cardda = createCarddaClient({
    baseUrl: settings.baseUrl,
    apiKey: settings.apiKey,
    companyId: settings.companyId,
    rateLimit: { requestsPerSecond: 40 }, // the whole fleet's, as Cardda counts it: per API key
    rateStore,
  });
  return { cardda, close: () => redis.destroy() };
}
