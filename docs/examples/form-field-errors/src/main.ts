import assert from 'node:assert/strict';
import { cardda } from '@issuer-errors/cardda';
import { clara, validateClaraRequest } from '@issuer-errors/clara';
import { toFormErrors } from '@issuer-errors/core/messages';
import {
  carddaFixtures,
  claraFixtures,
  fixtureResponse,
  type WireResponse,
} from '@issuer-errors/testing';
import { createForm, showOnForm } from './show-on-form.js';

function wire(response: WireResponse | undefined) {
  if (response === undefined) throw new Error('unknown fixture');
  return response;
}

// Cardda: a field map in snake_case, shown on a camelCase form; the bank picker is `bank`.
const recipientForm = createForm({ rut: '', accountNumber: '', bank: '' });
const carddaError = cardda.normalize(
  wire(fixtureResponse(carddaFixtures, 'validation-error-on-create')),
);
showOnForm(recipientForm, carddaError, {
  case: 'camel',
  fieldMap: { bank_id: 'bank' },
  locale: 'es-CL',
});
assert.deepEqual(recipientForm.getFieldState('rut').error?.message, "can't be blank; is invalid");
assert.deepEqual(recipientForm.getFieldState('accountNumber').error?.message, "can't be blank");
assert.deepEqual(recipientForm.getFieldState('bank').error, {
  type: 'invalid_field',
  message: 'must reference an existing bank',
  ref: undefined,
});

// Clara: a `details` list, with a nested field; the same error in zod's flatten() shape.
const claraError = clara.normalize(
  wire(fixtureResponse(claraFixtures, 'bad-request-with-details')),
);
assert.deepEqual(toFormErrors(claraError, { fieldMap: { 'address.zip': 'address.postalCode' } }), {
  formErrors: [],
  fieldErrors: { email: ['must be a valid email'], 'address.postalCode': ['is required'] },
});

// Clara, before sending: the same error the API would answer, without the round trip.
const reportForm = createForm({ startDate: '', endDate: '' });
const checked = validateClaraRequest({ startDate: '2024/03/01', endDate: '2024-03-31' });
assert.ok(checked.isErr());
showOnForm(reportForm, checked.error, { locale: 'es-MX' });
assert.equal(
  reportForm.getFieldState('startDate').error?.message,
  'Invalid date format: startDate must be YYYY-MM-DD',
);

// No field named: one message for the user, in their language, on the form's root.
const cardForm = createForm({ amount: 0 });
const limitError = clara.normalize(
  wire(fixtureResponse(claraFixtures, 'b013-threshold-exceeds-company-limit')),
);
showOnForm(cardForm, limitError, { locale: 'pt-BR' });
assert.deepEqual(cardForm.getErrors(), {
  root: {
    issuer: {
      type: 'credit_limit_exceeded',
      message: 'Este valor ultrapassa o limite disponível da empresa.',
      ref: undefined,
    },
  },
});
console.log(
  'form-field-errors: Cardda fields, Clara details and pre-flight errors on a react-hook-form form',
);
