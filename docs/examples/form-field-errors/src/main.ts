import assert from 'node:assert/strict';
import { cardda } from '@issuer-errors/cardda';
import { clara, validateClaraRequest } from '@issuer-errors/clara';
import {
  carddaFixtures,
  claraFixtures,
  fixtureResponse,
  type WireResponse,
} from '@issuer-errors/testing';
import { type SetError, showFieldErrors } from './show-field-errors';

function recordingForm() {
  const errors: Record<string, string> = {};
  const setError: SetError = (name, { message }) => {
    errors[name] = message;
  };
  return { errors, setError };
}
function wire(response: WireResponse | undefined) {
  if (response === undefined) throw new Error('unknown fixture');
  return response;
}

// Cardda: a field map in snake_case, shown on a camelCase form.
const recipientForm = recordingForm();
const carddaError = cardda.normalize(
  wire(fixtureResponse(carddaFixtures, 'validation-error-on-create')),
);
showFieldErrors(carddaError, recipientForm.setError, { bank_id: 'bank' });
assert.deepEqual(recipientForm.errors, {
  rut: "can't be blank; is invalid",
  accountNumber: "can't be blank",
  bank: 'must reference an existing bank',
});

// Clara: a `details` list, with a nested field.
const userForm = recordingForm();
const claraError = clara.normalize(
  wire(fixtureResponse(claraFixtures, 'bad-request-with-details')),
);
showFieldErrors(claraError, userForm.setError, { 'address.zip': 'address.postalCode' });
assert.deepEqual(userForm.errors, {
  email: 'must be a valid email',
  'address.postalCode': 'is required',
});

// Clara, before sending: the same error the API would answer, without the round trip.
const reportForm = recordingForm();
const checked = validateClaraRequest({ startDate: '2024/03/01', endDate: '2024-03-31' });
assert.ok(checked.isErr());
showFieldErrors(checked.error, reportForm.setError);
assert.deepEqual(reportForm.errors, {
  startDate: 'Invalid date format: startDate must be YYYY-MM-DD',
});

// No field named: the message goes to the form's root.
const cardForm = recordingForm();
showFieldErrors(
  clara.normalize(wire(fixtureResponse(claraFixtures, 'b013-threshold-exceeds-company-limit'))),
  cardForm.setError,
);
assert.deepEqual(cardForm.errors, { 'root.issuer': 'Threshold exceeds company limit' });
console.log(
  'form-field-errors: Cardda fields, Clara details and pre-flight errors on their fields',
);
