import { cardda } from '@issuer-errors/cardda';
import { describe } from 'vitest';
import { totalNormalizationCases } from './total-normalization';

describe('cardda.normalize is total', () => totalNormalizationCases(cardda));
