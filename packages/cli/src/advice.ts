import type { ErrorCode, IssuerError } from '@issuer-errors/core';

/** For support engineers: what each fine code usually means and the first thing to check. */
export const ADVICE: Readonly<Record<ErrorCode, string>> = {
  invalid_request:
    'The provider refused the request as malformed: compare the body with its API reference.',
  invalid_field: 'Fix the fields listed below; the user must correct them before resending.',
  invalid_date_format: 'Send dates as YYYY-MM-DD (the field is listed below).',
  invalid_date_range: 'startDate must not be after endDate.',
  invalid_tax_id:
    'The tax ID does not match its country’s format: MX 11 or 13 characters, BR 11 digits, CO 7 to 10 digits.',
  invalid_enum_value: 'transactionTypeName must be PIX, TED, BILL or TRANSACTION.',
  duplicate_email: 'A user with this email already exists: look it up instead of creating it.',
  unauthenticated:
    'The token or API key is missing, expired or revoked: check the credentials the app runs with.',
  invalid_credentials:
    'The OAuth client id or secret was refused: check the environment’s credentials.',
  email_not_verified:
    'The API key’s user has not verified their email in Cardda: verify it, then retry.',
  forbidden: 'The credentials work but lack permission for this resource or action.',
  not_found:
    'The resource does not exist, or belongs to another company (Cardda answers 404 for a company-id the user is not a member of).',
  conflict: 'The resource changed or already exists: re-read it before writing again.',
  operation_in_progress:
    'A card for this user is already queued: wait about 2 minutes, then check before creating another.',
  business_rule_violation: 'Clara refused it by a business rule: read the B-code in Clara’s docs.',
  credit_limit_exceeded:
    'The amount is over the company’s limit (B013): lower it or raise the limit with Clara.',
  user_not_active: 'The user is not active (B022): activate them before this operation.',
  rate_limited:
    'Too many requests: slow down, and share one client per credentials so the cooldown is shared.',
  upstream_unavailable:
    'The provider or a gateway in front of it is down or overloaded: check its status page.',
  breaker_open:
    'Not sent: the provider failed persistently and the client waits for its probe; see the outage report’s request ids and advice.',
  internal_error: 'The provider failed: quote the request id to its support if it persists.',
  core_service_failure:
    'Clara’s core service failed (B033): quote the request id to Clara’s support.',
  client_certificate_missing:
    'Clara requires the mTLS client certificate: pass `tls: { cert, key }` to the client.',
  missing_company_id: 'Cardda needs the company-id header: pass `companyId` to the client.',
  request_headers_too_large:
    'The issuer refused the request headers as too large (431): check the API key or token for stray content, and the headers the app adds.',
  invalid_client_setup:
    'The client cannot run as set up (ky missing, bad base URL): see the message.',
  connection_failed:
    'Never connected (DNS, refused, unreachable): check the base URL and the network path.',
  connection_reset: 'The connection dropped after the request went out.',
  tls_failure: 'The TLS handshake failed: check certificates, CA bundle and proxies.',
  network_error: 'The request failed with no more detail from the runtime.',
  timeout: 'No answer in time: raise timeoutMs only if the provider is known to be slow.',
  cancelled: 'The caller aborted the request.',
  unreadable_response: 'The body could not be read (cut off or too large).',
  unexpected_response:
    'A success body did not match its schema: the provider may have changed its API.',
  unknown:
    'Not a documented error: keep the raw response and the request id for the provider’s support.',
};

/** For a refusal of fields whose body, not being the provider's documented JSON, named none. */
const NO_FIELDS_NAMED =
  'The provider refused some fields but named none (the body is not its documented JSON): read the raw body below, then fix and resend.';

/** The advice on an error: its code's, then whether and when to retry, as its outcome allows. */
export function adviceFor(error: IssuerError): string[] {
  const namesNoField =
    error.code === 'invalid_field' && Object.keys(error.fieldErrors).length === 0;
  const advice = [namesNoField ? NO_FIELDS_NAMED : ADVICE[error.code]];
  const wait = error.retryAfterMs === undefined ? '' : ` after ${error.retryAfterMs} ms`;
  if (error.outcome === 'unknown') {
    advice.push(
      'The provider may have acted: do not resend a write until you have checked whether it went through (or resend with the same idempotency key).',
    );
  } else if (error.retryable) {
    advice.push(`Safe to retry${wait}, even a payment: the provider certainly did not act.`);
  } else {
    advice.push('Do not retry as it is: the provider refused it and will refuse it again.');
  }
  if (error.requestId !== undefined)
    advice.push(`Quote request id ${error.requestId} to the provider.`);
  return advice;
}
