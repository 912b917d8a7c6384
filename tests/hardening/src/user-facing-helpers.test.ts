import { cardda } from '@issuer-errors/cardda';
import { clara } from '@issuer-errors/clara';
import { type IssuerError, recordOnSpan, toLogFields, toOtelAttributes } from '@issuer-errors/core';
import {
  applyFieldErrors,
  catalogEn,
  toFormErrors,
  userMessage,
} from '@issuer-errors/core/messages';
import { carddaFixtures, claraFixtures } from '@issuer-errors/testing';
import { describe, expect, it } from 'vitest';

const LOCALES = ['en', 'es', 'es-MX', 'es-CL', 'es-CO', 'pt-BR'] as const;

const every: [string, IssuerError][] = [
  ...carddaFixtures.map((fixture): [string, IssuerError] => [
    `cardda ${fixture.id}`,
    cardda.normalize(fixture.response),
  ]),
  ...claraFixtures.map((fixture): [string, IssuerError] => [
    `clara ${fixture.id}`,
    clara.normalize(fixture.response),
  ]),
];

/** Texts from the provider that must never reach an end user. */
function internals(error: IssuerError): string[] {
  const texts = [error.message, ...Object.values(error.fieldErrors).flat()];
  if (error.requestId !== undefined) texts.push(error.requestId);
  if (error.providerCode !== undefined && /[^a-z]/.test(error.providerCode))
    texts.push(error.providerCode);
  return texts.filter((text) => text.length >= 4);
}

describe.each(every)('%s', (_name, error) => {
  it('has a message for end users in every locale, with no provider text, code or request id', () => {
    for (const locale of LOCALES) {
      const message = userMessage(error, locale);
      expect(message.length).toBeGreaterThan(10);
      for (const internal of internals(error)) expect(message).not.toContain(internal);
    }
    const english = userMessage(error, 'en');
    for (const field of Object.keys(error.fieldErrors)) {
      const label =
        catalogEn.fieldLabels[
          field
            .split('.')
            .at(-1)
            ?.replace(/([a-z])([A-Z])/g, '$1_$2')
            .toLowerCase() ?? ''
        ];
      expect(english).toContain(label ?? field);
    }
  });

  it('splits into form and field errors, every field on its own name', () => {
    const form = toFormErrors(error);
    expect(form.fieldErrors).toEqual(error.fieldErrors);
    expect(form.formErrors).toEqual(
      Object.keys(error.fieldErrors).length === 0
        ? [userMessage({ ...error.toJSON(), fieldErrors: {} }, 'en')]
        : [],
    );
    const names: string[] = [];
    applyFieldErrors(error, (name, { type }) => {
      names.push(name);
      expect(type).toBe(error.code);
    });
    expect(names).toEqual(
      Object.keys(error.fieldErrors).length === 0
        ? ['root.issuer']
        : Object.keys(error.fieldErrors),
    );
  });

  it('gives logs and traces the same facts, and no provider text beyond the message', () => {
    const attributes = toOtelAttributes(error);
    expect(attributes).toMatchObject({
      'error.type': error.kind,
      'issuer.provider': error.provider,
      'issuer.kind': error.kind,
      'issuer.code': error.code,
      'issuer.retryable': error.retryable,
      'issuer.outcome': error.outcome,
    });
    expect(attributes['http.response.status_code']).toBe(error.status);
    expect(attributes['issuer.request_id']).toBe(error.requestId);
    const fieldMessages = Object.values(error.fieldErrors).flat();
    for (const message of fieldMessages) {
      expect(JSON.stringify(attributes)).not.toContain(message);
      // Clara repeats a field's message as the error's; the log keeps it only as `error.message`.
      if (message !== error.message)
        expect(JSON.stringify(toLogFields(error))).not.toContain(message);
    }
    expect(toLogFields(error)).toEqual({ ...attributes, 'error.message': error.message });
    const statuses: unknown[] = [];
    recordOnSpan({ setAttributes: () => {}, setStatus: (status) => statuses.push(status) }, error);
    expect(statuses).toEqual([{ code: 2, message: error.code }]);
  });
});
