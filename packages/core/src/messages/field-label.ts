import { toSnakeCase } from './field-name-case';

const PATH_SEPARATORS = /[.[\]/]+/;
const PLAIN_NAME = /^[a-z][a-z0-9_]{0,39}$/;

/**
 * The plain words for a provider's field name: its label from `labels` (keyed in snake_case,
 * by whole path or last segment), else the last segment's own words (`bank_id` → `bank id`).
 * A name that is not a plain identifier gets no label, so odd text never reaches a user.
 */
export function fieldLabel(
  field: string,
  labels: Readonly<Record<string, string>>,
): string | undefined {
  const segments = field
    .split(PATH_SEPARATORS)
    .filter((segment) => segment !== '' && !/^\d+$/.test(segment))
    .map(toSnakeCase);
  const last = segments.at(-1);
  if (last === undefined) return undefined;
  const path = segments.join('.');
  if (Object.hasOwn(labels, path)) return labels[path];
  if (Object.hasOwn(labels, last)) return labels[last];
  return PLAIN_NAME.test(last) ? last.replaceAll('_', ' ') : undefined;
}
