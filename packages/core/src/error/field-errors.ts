import { toSafeLine } from '../safety/safe-text';
import { isPlainRecord } from './is-plain-record';

/** Invalid fields by the provider's own field name, each with one or more messages. */
export type FieldErrors = Record<string, string[]>;

const MAX_FIELDS = 100;
const MAX_MESSAGES_PER_FIELD = 20;
const MAX_FIELD_NAME_BYTES = 128;
const MAX_FIELD_MESSAGE_BYTES = 256;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Adds `messages` to `fieldErrors[field]`, making both safe; hostile or empty names and
 * empty messages are skipped. A map keeps at most 100 fields of at most 20 messages each.
 */
export function addFieldError(
  fieldErrors: FieldErrors,
  field: string,
  messages: readonly unknown[],
) {
  const name = toSafeLine(field, MAX_FIELD_NAME_BYTES);
  if (name === '' || FORBIDDEN_KEYS.has(name)) return;
  const existing = Object.hasOwn(fieldErrors, name) ? fieldErrors[name] : undefined;
  if (existing === undefined && Object.keys(fieldErrors).length >= MAX_FIELDS) return;
  const list = existing?.slice(0, MAX_MESSAGES_PER_FIELD) ?? [];
  let added = false;
  for (const value of messages) {
    const message = toMessage(value);
    if (message === '') continue;
    added = true;
    if (list.length === MAX_MESSAGES_PER_FIELD) break;
    list.push(message);
  }
  if (added) fieldErrors[name] = list;
}

/** A field message, made safe; '' for anything that is not one. */
function toMessage(value: unknown): string {
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return typeof value === 'string' ? toSafeLine(value, MAX_FIELD_MESSAGE_BYTES) : '';
}

/**
 * Reads a Rails-style field map, `{ "rut": ["can't be blank"], … }`. A bare string
 * becomes a one-element list; numbers and booleans are stringified; `null`, objects
 * inside lists and other junk are dropped; nested maps flatten to dotted names
 * (`address.street`) of at most three parts. Reads the first 100 entries of each map.
 * Never throws.
 */
export function fieldErrorsFromMap(value: unknown): FieldErrors {
  const fieldErrors: FieldErrors = {};
  collectMap(fieldErrors, value, '', 0);
  return fieldErrors;
}

function collectMap(fieldErrors: FieldErrors, value: unknown, prefix: string, depth: number) {
  if (!isPlainRecord(value) || depth > 2) return;
  for (const key of Object.keys(value).slice(0, MAX_FIELDS)) {
    if (FORBIDDEN_KEYS.has(key)) continue;
    const item = value[key];
    const field = prefix === '' ? key : `${prefix}.${key}`;
    if (isPlainRecord(item)) collectMap(fieldErrors, item, field, depth + 1);
    else addFieldError(fieldErrors, field, Array.isArray(item) ? item : [item]);
  }
}

/** Where a `details` list names the field and the text of each item. */
export interface DetailsShape {
  /** Keys naming the field, in order of preference. */
  readonly fieldKeys: readonly string[];
  /** Keys holding the text, in order of preference. */
  readonly textKeys: readonly string[];
}

/** The common spellings: `field`, `name`, `path`, `param`, `pointer`; `message`, `detail`, `description`, `reason`. */
export const DEFAULT_DETAILS_SHAPE: DetailsShape = {
  fieldKeys: ['field', 'name', 'path', 'param', 'pointer'],
  textKeys: ['message', 'detail', 'description', 'reason'],
};

/**
 * Reads a `details` list: objects naming a field (a string, a path array such as
 * `["user", "email"]`, or a JSON pointer such as `/user/email`, all read as
 * `user.email`) become field errors; items without a field are skipped. Reads the first
 * 100 items. Never throws.
 */
export function fieldErrorsFromDetails(
  value: unknown,
  shape: DetailsShape = DEFAULT_DETAILS_SHAPE,
): FieldErrors {
  const fieldErrors: FieldErrors = {};
  if (!Array.isArray(value)) return fieldErrors;
  for (const item of value.slice(0, MAX_FIELDS)) {
    if (!isPlainRecord(item)) continue;
    const field = firstOf(item, shape.fieldKeys, toFieldName);
    if (field === undefined) continue;
    const text = firstOf(item, shape.textKeys, (text) =>
      typeof text === 'string' ? text : undefined,
    );
    addFieldError(fieldErrors, field, [text ?? 'is invalid']);
  }
  return fieldErrors;
}

function toFieldName(value: unknown): string | undefined {
  if (Array.isArray(value)) {
    const parts = value.filter((part) => typeof part === 'string' || typeof part === 'number');
    return parts.length > 0 ? parts.join('.') : undefined;
  }
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const pointer = value.startsWith('#/') ? value.slice(1) : value;
  if (!pointer.startsWith('/')) return value;
  return pointer
    .slice(1)
    .split('/')
    .map((segment) => segment.replaceAll('~1', '/').replaceAll('~0', '~'))
    .join('.');
}

function firstOf<T>(
  record: Record<string, unknown>,
  keys: readonly string[],
  read: (value: unknown) => T | undefined,
): T | undefined {
  for (const key of keys) {
    const value = Object.hasOwn(record, key) ? read(record[key]) : undefined;
    if (value !== undefined) return value;
  }
  return undefined;
}

/** Merges field error maps, keeping every message. */
export function mergeFieldErrors(...maps: readonly FieldErrors[]): FieldErrors {
  const merged: FieldErrors = {};
  for (const map of maps) {
    for (const [field, messages] of Object.entries(map)) addFieldError(merged, field, messages);
  }
  return merged;
}
