/**
 * `issuer-errors explain` as functions: read a raw response (`parseHttpTranscript`), normalize it
 * and say what to do about it (`explainResponse`), and print it (`formatExplanation`).
 *
 * @packageDocumentation
 */
export { ADVICE, adviceFor } from './advice';
export {
  EXPLAINED_PROVIDERS,
  type ExplainedProvider,
  type Explanation,
  explainResponse,
  type NotAnErrorExplanation,
} from './explain';
export { formatExplanation } from './format-explanation';
export { parseHttpTranscript, type RawHttpResponse } from './parse-transcript';
