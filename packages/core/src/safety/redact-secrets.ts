const PEM_BLOCK = /-----BEGIN [A-Z0-9 ]+-----[\s\S]*?(?:-----END [A-Z0-9 ]+-----|$)/g;
const AUTH_SCHEME = /\b(Bearer|Basic|Token)\s+[\w.~+/=-]{6,}/gi;
const SECRET_ASSIGNMENT =
  /\b((?:access|refresh|id)?_?token|client_?secret|secret|password|passwd|api_?key|authorization|cookie|session(?:_?id)?)(["']?\s*[:=]\s*["']?)([^\s"'&,;}]+)/gi;

/** A word each pattern below needs to match at all: most messages have none. */
const MAY_HOLD_SECRET =
  /-----BEGIN|bearer|basic|token|secret|passw|api_?key|authorization|cookie|session/i;

/** The text every removed secret is replaced with. */
export const REDACTED = '[REDACTED]';

/**
 * Removes credentials that a provider or a proxy may echo inside free text:
 * PEM key material, `Bearer …` tokens and `token=…`/`"client_secret": "…"` pairs.
 */
export function redactSecretsInText(text: string): string {
  if (!mayHoldSecret(text)) return text;
  return text
    .replace(PEM_BLOCK, REDACTED)
    .replace(AUTH_SCHEME, `$1 ${REDACTED}`)
    .replace(SECRET_ASSIGNMENT, `$1$2${REDACTED}`);
}

/** Whether `text` holds a word {@link redactSecretsInText} looks for; if not, it is left as it is. */
export function mayHoldSecret(text: string): boolean {
  return MAY_HOLD_SECRET.test(text);
}
