import type { ErrorRule } from './adapter-types';

/** The facts a rule is matched against. */
export interface RuleSubject {
  readonly status?: number | undefined;
  readonly providerCode?: string | undefined;
  readonly message?: string | undefined;
}

/** The first rule of the table that matches, or `undefined`. */
export function findRule(rules: readonly ErrorRule[], subject: RuleSubject): ErrorRule | undefined {
  return rules.find(
    (rule) => statusMatches(rule, subject.status) && identityMatches(rule, subject),
  );
}

function statusMatches(rule: ErrorRule, status: number | undefined): boolean {
  if (rule.status === undefined) return true;
  if (typeof rule.status === 'number') return rule.status === status;
  // Widening the list to admit `undefined` is safe: no rule lists it.
  return (rule.status as readonly (number | undefined)[]).includes(status);
}

function identityMatches(rule: ErrorRule, subject: RuleSubject): boolean {
  if (rule.providerCode === undefined && rule.message === undefined) return true;
  return (
    codeMatches(rule.providerCode, subject.providerCode) ||
    messageMatches(rule.message, subject.message)
  );
}

function codeMatches(expected: ErrorRule['providerCode'], actual: string | undefined): boolean {
  if (expected === undefined) return false;
  if (typeof expected === 'string') return expected === actual;
  return (expected as readonly (string | undefined)[]).includes(actual);
}

function messageMatches(pattern: RegExp | undefined, message: string | undefined): boolean {
  // `search`, unlike `test`, neither reads nor moves a global or sticky pattern's `lastIndex`.
  return pattern !== undefined && message !== undefined && message.search(pattern) !== -1;
}

/** The field a rule names for this message, if any. */
export function ruleField(rule: ErrorRule, message: string | undefined): string | undefined {
  if (rule.field === undefined || typeof rule.field === 'string') return rule.field;
  if (message === undefined) return undefined;
  const pattern = rule.field.fromMessage;
  // A global or sticky pattern would search on from where its last match ended.
  pattern.lastIndex = 0;
  return pattern.exec(message)?.[1];
}
