// require() of the ESM-only packages: Node 20.19 and later load them synchronously.
const assert = require('node:assert/strict');
const { cardda } = require('@issuer-errors/cardda');
const { clara } = require('@issuer-errors/clara');
const { isIssuerError, ok } = require('@issuer-errors/core');
const { createRedisRateStore } = require('@issuer-errors/redis');
const { Ok } = require('neverthrow');
const { carddaFixtures, claraFixtures } = require('@issuer-errors/testing');

const carddaError = cardda.normalize(carddaFixtures[0].response);
const claraError = clara.normalize(claraFixtures[0].response);
assert.ok(isIssuerError(carddaError) && isIssuerError(claraError));
assert.equal(carddaError.code, carddaFixtures[0].expected.code);
assert.equal(claraError.code, claraFixtures[0].expected.code);
assert.ok(ok(1) instanceof Ok, 'one neverthrow in the process');
assert.equal(typeof createRedisRateStore, 'function');
console.log(`require: ${carddaError.kind} and ${claraError.kind} on Node ${process.version}`);
