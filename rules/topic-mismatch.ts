/** topic-mismatch: the topic's problem phrase is in neither the title nor `aiOutline.problem`. */
import { z } from 'zod';
import { fieldLine, stringField, subString } from '../src/engine/meta-access.js';
import { defineRule } from '../src/engine/rule.js';
import { normaliseText, quote } from '../src/text/normalise.js';

/** `making logs useful / python services` -> `making logs useful`. */
export function topicProblem(topic: string): string {
  const slash = topic.indexOf(' / ');
  return (slash === -1 ? topic : topic.slice(0, slash)).trim();
}

function mentions(haystack: string | null | undefined, needle: string): boolean {
  if (!haystack) return false;
  return ` ${normaliseText(haystack)} `.includes(` ${needle} `);
}

export default defineRule({
  meta: {
    id: 'topic-mismatch',
    description: "The topic's problem phrase (before ` / `) appears neither in the title nor in `aiOutline.problem`.",
    defaultSeverity: 'warn',
    tags: ['consistency'],
    docs: 'docs/rules/topic-mismatch.md',
    schema: z.strictObject({}),
  },
  check(post, context) {
    const topic = stringField(post, 'topic');
    if (topic === undefined) return;
    const problem = topicProblem(topic);
    const needle = normaliseText(problem);
    if (needle.length === 0) return;
    const outlineProblem = subString(post, 'aiOutline', 'problem');
    if (mentions(post.title, needle) || mentions(outlineProblem, needle)) return;
    const outline = outlineProblem === undefined ? 'no aiOutline.problem' : `aiOutline.problem ${quote(outlineProblem, 50)}`;
    context.report({
      line: fieldLine(post, 'topic'),
      message: `topic problem ${quote(problem, 50)} appears neither in the title ${post.title === null ? '(none)' : quote(post.title, 60)} nor in ${outline}; expected the post to be about its topic`,
    });
  },
});
