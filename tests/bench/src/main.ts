import { CLIENT_OVERHEAD_GOAL, measureClientOverhead } from './client-overhead';
import type { Comparison } from './compare';
import { IMPORT_TIME_GOAL_MS, measureImportTime } from './import-time';
import { measureNormalizeCost, NORMALIZE_GUARD } from './normalize-cost';
import { IDEAL_MS, measureRateLimitThroughput, THROUGHPUT_GOAL } from './rate-limit-throughput';
import { measureTelemetryOverhead, TELEMETRY_OVERHEAD_GOAL } from './telemetry-overhead';

const micro = (ms: number) => `${(ms * 1000).toFixed(1)} µs`;

/** One line per figure: the measured ratio beside its goal, or beside the guard against regressions. */
function report(
  label: string,
  result: Comparison,
  baseline: string,
  limit: number,
  limitName: 'goal' | 'guard' = 'goal',
) {
  const verdict = result.ratio <= limit ? '✓' : `✗ over its ${limitName}`;
  console.log(
    `${label}: ${micro(result.candidateMs)} vs ${baseline} ${micro(result.baselineMs)} = ${result.ratio.toFixed(2)}× (${limitName} ≤ ${limit}×) ${verdict}`,
  );
}

const normalize = measureNormalizeCost();
report('normalize, Cardda fixtures', normalize.cardda, 'hand-written', NORMALIZE_GUARD, 'guard');
report('normalize, Clara fixtures', normalize.clara, 'hand-written', NORMALIZE_GUARD, 'guard');
const overhead = await measureClientOverhead();
report(
  'successful GET through createCarddaClient, median request',
  overhead,
  'bare ky',
  CLIENT_OVERHEAD_GOAL,
);
console.log(
  `  the same requests' mean time: ${(overhead.meanRatio ?? Number.NaN).toFixed(2)}× bare ky's (no goal; GC pauses and the machine's neighbours land here)`,
);

const telemetry = await measureTelemetryOverhead();
report(
  'successful GET with @opentelemetry/api and no SDK registered, median request',
  telemetry.withoutSdk,
  'telemetry: false',
  TELEMETRY_OVERHEAD_GOAL,
);
console.log(
  `  with the OpenTelemetry SDK recording (2 spans, 3 metric records a call): ${micro(telemetry.withSdk.candidateMs)} vs telemetry: false ${micro(telemetry.withSdk.baselineMs)} = ${telemetry.withSdk.ratio.toFixed(2)}× (reported, no goal)`,
);

const imports = measureImportTime();
for (const [adapter, addedMs] of Object.entries(imports.adapters)) {
  const verdict = addedMs <= IMPORT_TIME_GOAL_MS ? '✓' : '✗ over its goal';
  console.log(
    `import @issuer-errors/${adapter}: +${addedMs.toFixed(1)} ms over an empty script, as a static import (goal ≤ ${IMPORT_TIME_GOAL_MS} ms) ${verdict}`,
  );
}
console.log(
  `neverthrow alone, its CommonJS build: +${imports.neverthrow.required.toFixed(1)} ms through require, as core loads it on Node (part of each figure above); +${imports.neverthrow.imported.toFixed(1)} ms through import`,
);

const throughput = await measureRateLimitThroughput();
for (const [index, run] of throughput.entries()) {
  const ratio = run.elapsedMs / IDEAL_MS;
  const share = run.rateLimited / run.attempts;
  const line = `500 GETs at 100 requests/s, ${run.name}: ${(run.elapsedMs / 1000).toFixed(2)} s = ${ratio.toFixed(2)}× the ideal ${IDEAL_MS / 1000} s, ${run.failures} failed, ${run.rateLimited} of ${run.attempts} attempts answered 429 (${(share * 100).toFixed(1)}%)`;
  if (index > 0) {
    console.log(`${line} (for comparison)`);
    continue;
  }
  const met =
    ratio <= THROUGHPUT_GOAL.ratio &&
    run.failures === 0 &&
    share <= THROUGHPUT_GOAL.rateLimitedShare;
  console.log(
    `${line} (goal ≤ ${THROUGHPUT_GOAL.ratio}×, 0 failed, ≤ ${THROUGHPUT_GOAL.rateLimitedShare * 100}% 429) ${met ? '✓' : '✗ over its goal'}`,
  );
}
