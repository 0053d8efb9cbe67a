/** The registry of built-in rules (placeholder until the rules land). */
import type { Rule } from '../src/engine/rule.js';
export const builtinRules: readonly Rule<any>[] = [];
