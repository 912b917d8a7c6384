import type { RecordedPoint, RecordedSpan } from '@issuer-errors/testing/telemetry';

const KINDS = ['internal', 'server', 'client', 'producer', 'consumer'];

/** Prints spans as a tree: each call's span, its attempts' spans under it, events last. */
export function printSpans(spans: readonly RecordedSpan[], print: (line: string) => void): void {
  const children = (id: string | undefined) => spans.filter((span) => span.parentSpanId === id);
  const walk = (span: RecordedSpan, depth: number) => {
    const indent = '  '.repeat(depth);
    print(`${indent}${span.name} [${KINDS[span.kind]}] ${JSON.stringify(span.attributes)}`);
    for (const event of span.events) {
      print(`${indent}  event ${event.name} ${JSON.stringify(event.attributes)}`);
    }
    for (const child of children(span.spanId)) walk(child, depth + 1);
  };
  for (const root of children(undefined)) walk(root, 1);
}

/** Prints each metric's points: a histogram as its count and sum, a counter or gauge as its value. */
export function printMetrics(
  metrics: ReadonlyMap<string, readonly RecordedPoint[]>,
  print: (line: string) => void,
): void {
  for (const [name, points] of metrics) {
    print(`  ${name}`);
    for (const { attributes, value } of points) {
      const shown =
        typeof value === 'number'
          ? `${value}`
          : `count ${value.count}, sum ${(value.sum ?? 0).toFixed(3)}`;
      print(`    ${JSON.stringify(attributes)} → ${shown}`);
    }
  }
}
