// Reads Stryker's JSON report, prints every surviving mutant, and fails when a critical group
// of files scores under 95 (the overall break threshold of 85 is Stryker's own).
import { readFileSync } from 'node:fs';

const CRITICAL_SCORE = 95;

/** The code whose every behaviour must be pinned by a test. */
const CRITICAL_GROUPS = {
  classification: [
    'packages/core/src/adapter/find-rule.ts',
    'packages/core/src/adapter/normalize.ts',
    'packages/clara/src/clara-rules.ts',
    'packages/cardda/src/cardda-rules.ts',
  ],
  'Retry-After parsing': [
    'packages/core/src/http/retry-after.ts',
    'packages/core/src/http/http-date.ts',
  ],
  redaction: [
    'packages/core/src/safety/redact-body.ts',
    'packages/core/src/http/redact-headers.ts',
    'packages/core/src/safety/redact-secrets.ts',
    'packages/core/src/safety/mask-card-numbers.ts',
    'packages/core/src/safety/safe-cause.ts',
  ],
  'retry engine': [
    'packages/core/src/client/retry-engine.ts',
    'packages/core/src/client/backoff.ts',
    // The budget arithmetic, in this process and shared through Redis.
    'packages/core/src/client/request-gate.ts',
    'packages/core/src/rate/memory-rate-store.ts',
    'packages/redis/src/create-redis-rate-store.ts',
    'packages/redis/src/redis-reachability.ts',
    // The retry budget and the breaker, in this process and as the Redis store reads them.
    'packages/core/src/health/memory-health-store.ts',
    'packages/core/src/client/health-guard.ts',
    'packages/redis/src/redis-issuer-health.ts',
    'packages/redis/src/issuer-health-reply.ts',
    'packages/clara/src/clara-retry.ts',
    'packages/cardda/src/cardda-retry.ts',
  ],
};

const DETECTED = new Set(['Killed', 'Timeout']);
const UNDETECTED = new Set(['Survived', 'NoCoverage']);

const reportPath = process.argv[2] ?? 'reports/mutation/mutation.json';
const report = JSON.parse(readFileSync(reportPath, 'utf8'));

/** Mutation score of the files: detected over detected plus undetected, as Stryker counts it. */
function score(fileNames) {
  let detected = 0;
  let undetected = 0;
  for (const fileName of fileNames) {
    for (const mutant of report.files[fileName]?.mutants ?? []) {
      if (DETECTED.has(mutant.status)) detected += 1;
      if (UNDETECTED.has(mutant.status)) undetected += 1;
    }
  }
  const total = detected + undetected;
  return { total, score: total === 0 ? undefined : (100 * detected) / total };
}

const survivors = Object.entries(report.files).flatMap(([fileName, file]) =>
  file.mutants
    .filter((mutant) => UNDETECTED.has(mutant.status))
    .map((mutant) => {
      const { line, column } = mutant.location.start;
      const replacement = JSON.stringify(mutant.replacement ?? '').slice(0, 100);
      return `  ${fileName}:${line}:${column} ${mutant.status} ${mutant.mutatorName} → ${replacement}`;
    }),
);
console.log(`\n${survivors.length} undetected mutants:\n${survivors.join('\n')}\n`);

let failed = false;
for (const [group, fileNames] of Object.entries(CRITICAL_GROUPS)) {
  const result = score(fileNames);
  if (result.score === undefined) {
    console.log(`${group}: not mutated in this run`);
    continue;
  }
  const passed = result.score >= CRITICAL_SCORE;
  failed ||= !passed;
  console.log(
    `${group}: ${result.score.toFixed(2)} over ${result.total} mutants ${passed ? '✓' : `✗ (needs ${CRITICAL_SCORE})`}`,
  );
}
process.exitCode = failed ? 1 : 0;
