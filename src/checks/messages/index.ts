// Every language's words for the rules' messages. Only a runbook needs more than English:
// validate imports en.ts alone.
import type { Language } from '../../plan/matrix.js';
import { da } from './da.js';
import { de } from './de.js';
import { en } from './en.js';
import { nb } from './nb.js';
import { nl } from './nl.js';
import type { Messages } from './types.js';

export const MESSAGES: Record<Language, Messages> = { en, de, nl, da, nb };
