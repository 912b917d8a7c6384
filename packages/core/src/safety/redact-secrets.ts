const PEM_BLOCK = /-----BEGIN [A-Z0-9 ]+-----[\s\S]*?(?:-----END [A-Z0-9 ]+-----|$)/g;
const AUTH_SCHEME = /\b(Bearer|Basic|Token)\s+[\w.~+/=-]{6,}/gi;
const SECRET_ASSIGNMENT =
  /\b((?:access|refresh|id)?_?token|client_?secret|secret|password|passwd|api_?key|authorization|cookie|session(?:_?id)?)(["']?\s*[:=]\s*["']?)([^\s"'&,;}]+)/gi;
/** A URL's user name and password, up to the last `@` before its host ends. */
const URL_USER_INFO = /\b([a-z][a-z\d+.-]{0,31}:\/\/)[^\s/?#]*@/gi;

/** A word each pattern below needs to match at all: most messages have none. */
const MAY_HOLD_SECRET =
  /-----BEGIN|bearer|basic|token|secret|passw|api_?key|authorization|cookie|session|:\/\/[^\s/?#]*@/i;

/** The text every removed secret is replaced with. */
export const REDACTED = '[REDACTED]';

/**
 * Removes credentials that a provider or a proxy may echo inside free text:
 * PEM key material, `Bearer …` tokens, `token=…`/`"client_secret": "…"` pairs and a URL's
 * user name and password (`https://user:password@host` reads `https://[REDACTED]@host`).
 */
export function redactSecretsInText(text: string): string {
  if (!mayHoldSecret(text)) return text;
  return text
    .replace(PEM_BLOCK, REDACTED)
    .replace(URL_USER_INFO, `$1${REDACTED}@`)
    .replace(AUTH_SCHEME, `$1 ${REDACTED}`)
    .replace(SECRET_ASSIGNMENT, `$1$2${REDACTED}`);
}

/** Whether `text` holds a word {@link redactSecretsInText} looks for; if not, it is left as it is. */
export function mayHoldSecret(text: string): boolean {
  return MAY_HOLD_SECRET.test(text);
}
