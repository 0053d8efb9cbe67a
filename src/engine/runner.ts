/** Placeholder: the runner's agreed signature (owned by the engine work). */
import type { Finding, Severity } from '../model/finding.js';
import type { Post } from '../model/post.js';
import type { InputFacts, Rule } from './rule.js';

export interface RuleSetting { severity: Severity; options: unknown }
export type RuleSettings = ReadonlyMap<string, RuleSetting>;
export interface RunnerInput { file: string; post: Post; input: InputFacts }

export function lintPost(_source: RunnerInput, _rules: readonly Rule<any>[], _settings: RuleSettings, _now: Date): Finding[] {
  return [];
}
export function unreadableFinding(file: string, message: string, settings: RuleSettings): Finding | null {
  const setting = settings.get('unreadable-input');
  if (!setting || setting.severity === 'off') return null;
  return { ruleId: 'unreadable-input', severity: setting.severity, message, file, line: 1 };
}
