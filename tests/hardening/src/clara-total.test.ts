import { clara } from '@issuer-errors/clara';
import { describe } from 'vitest';
import { totalNormalizationCases } from './total-normalization';

describe('clara.normalize is total', () => totalNormalizationCases(clara));
