/** How many generated cases a property runs: `HARDENING_RUNS` overrides the figure. */
export function runs(defaultRuns: number): number {
  const override = Number(process.env.HARDENING_RUNS);
  return Number.isInteger(override) && override > 0 ? override : defaultRuns;
}
