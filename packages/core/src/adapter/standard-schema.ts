/**
 * The Standard Schema interface (standardschema.dev) that zod 4, valibot and
 * arktype implement: a client's `schema` option accepts any of them.
 */
export interface StandardSchemaV1<Input = unknown, Output = Input> {
  readonly '~standard': {
    readonly version: 1;
    readonly vendor: string;
    /** Checks a value: its output, or the issues found. */
    readonly validate: (
      value: unknown,
    ) => StandardSchemaResult<Output> | Promise<StandardSchemaResult<Output>>;
    readonly types?: { readonly input: Input; readonly output: Output } | undefined;
  };
}

/** The result of validating with a {@link StandardSchemaV1}. */
export type StandardSchemaResult<Output> =
  | { readonly value: Output; readonly issues?: undefined }
  | { readonly issues: ReadonlyArray<StandardSchemaIssue> };

/** One validation issue: a message and the path it is about. */
export interface StandardSchemaIssue {
  readonly message: string;
  readonly path?: ReadonlyArray<PropertyKey | { readonly key: PropertyKey }> | undefined;
}

/** The output type of a {@link StandardSchemaV1}. */
export type InferSchemaOutput<S> =
  S extends StandardSchemaV1<unknown, infer Output> ? Output : never;
