import duplicateCodeBlock from '../../rules/duplicate-code-block.js';
import duplicateParagraph from '../../rules/duplicate-paragraph.js';
import nearDuplicateParagraph from '../../rules/near-duplicate-paragraph.js';
import repeatedSentence from '../../rules/repeated-sentence.js';
import { describe, expect, it } from 'vitest';
import { CLEAN, cleanWith, ruleTester, runRule } from './rule-tester.js';

/** An article: a title, then each paragraph on its own line separated by blank lines. */
function article(...paragraphs: string[]): string {
  return ['a practical guide to logs', '', ...paragraphs.flatMap((paragraph) => [paragraph, ''])].join('\n');
}

const BASELINE = 'start by writing down what the system currently does and where the user notices the problem.';
const CACHE = 'cache rules should be written for people who will debug them later, with examples of pages.';
const ROLLBACK = 'treat staging as a rehearsal and confirm that a rollback can be executed without old notes.';

ruleTester(duplicateParagraph, {
  valid: [
    { name: 'the clean article', text: CLEAN },
    { name: 'different paragraphs', text: article(BASELINE, CACHE, ROLLBACK) },
  ],
  invalid: [
    {
      name: 'an exact copy',
      text: article(BASELINE, CACHE, BASELINE),
      errors: [{ line: 7, messageIncludes: ['duplicates the paragraph at line 3'], related: [3] }],
    },
    {
      name: 'a copy differing only in case, whitespace and punctuation',
      text: article(BASELINE, 'Start by writing down -- what the system currently  does, and where the user notices the problem!'),
      errors: [{ line: 5, messageIncludes: 'line 3', related: [3] }],
    },
    {
      name: 'every later copy points at the first',
      text: article(CACHE, BASELINE, CACHE, CACHE),
      errors: [
        { line: 7, messageIncludes: 'line 3', related: [3] },
        { line: 9, messageIncludes: 'line 3', related: [3] },
      ],
    },
  ],
});

// Eleven words: nine 3-grams. Changing the last word keeps 8 of them and adds one: Jaccard 8/10 = 0.8 exactly.
const ELEVEN = 'the team keeps a short list of every cached route today.';
const ELEVEN_CHANGED = 'the team keeps a short list of every cached route tonight.';

ruleTester(nearDuplicateParagraph, {
  valid: [
    { name: 'the clean article', text: CLEAN },
    { name: 'unrelated paragraphs', text: article(BASELINE, CACHE, ROLLBACK) },
    { name: 'exact copies are left to duplicate-paragraph', text: article(BASELINE, CACHE, BASELINE) },
    { name: 'Jaccard 0.8 is below a threshold of 0.81', text: article(ELEVEN, ELEVEN_CHANGED), options: { threshold: 0.81 } },
    {
      name: 'paragraphs shorter than minWords are ignored',
      text: article(ELEVEN, ELEVEN_CHANGED),
      options: { minWords: 12 },
    },
    {
      name: 'sharing one boilerplate sentence is not enough',
      text: article(
        `${BASELINE} for this python services case, keep the owner, expected result, and rollback note in the same place.`,
        `${CACHE} for this python services case, keep the owner, expected result, and rollback note in the same place.`,
      ),
    },
  ],
  invalid: [
    {
      name: 'Jaccard exactly at the threshold 0.8 is reported',
      text: article(ELEVEN, ELEVEN_CHANGED),
      errors: [{ line: 5, messageIncludes: ['80% similar to the paragraph at line 3', 'Jaccard 0.80', 'threshold 0.8'], related: [3] }],
    },
    {
      name: 'a lower threshold catches looser rewrites',
      text: article(BASELINE, 'start by writing down what the system currently does and where the visitor notices the delay.'),
      options: { threshold: 0.5 },
      errors: [{ line: 5, messageIncludes: ['similar to the paragraph at line 3'], related: [3] }],
    },
    {
      name: 'a paragraph plus one more sentence contains the other whole',
      text: article(BASELINE, CACHE, `${BASELINE} then measure again.`),
      errors: [{ line: 7, messageIncludes: ['contains the whole paragraph at line 3', 'plus 3 more words'], related: [3] }],
    },
    {
      name: 'a later paragraph contained whole in an earlier one',
      text: article(`${CACHE} keep the list short.`, CACHE),
      errors: [{ line: 5, messageIncludes: 'is contained whole in the paragraph at line 3', related: [3] }],
    },
    {
      name: 'one finding per later paragraph, against its most similar earlier one',
      text: article(ELEVEN, BASELINE, ELEVEN_CHANGED, `${ELEVEN} mike`),
      errors: [
        { line: 7, messageIncludes: 'line 3', related: [3] },
        { line: 9, messageIncludes: 'contains the whole paragraph at line 3', related: [3] },
      ],
    },
  ],
});

describe('near-duplicate-paragraph scales linearly', () => {
  it('handles 3,000 distinct paragraphs quickly through the shingle index', () => {
    const paragraphs = Array.from({ length: 3000 }, (_, index) =>
      `paragraph ${index} talks about topic ${index * 7} with detail ${index * 13} and ends on note ${index * 31}.`,
    );
    const started = performance.now();
    const findings = runRule(nearDuplicateParagraph, { text: article(...paragraphs) });
    expect(findings).toEqual([]);
    expect(performance.now() - started).toBeLessThan(3000);
  });
});

const BOILERPLATE = 'for this python services case, keep the owner, expected result, and rollback note in the same place.';

ruleTester(repeatedSentence, {
  valid: [
    { name: 'the clean article', text: CLEAN },
    { name: 'a sentence shorter than minWords (6) may repeat', text: article('measure it again now. then ship.', 'measure it again now. then rest.') },
    { name: 'exactly 5 words is under the default minimum', text: article('one two three four five. a.', 'one two three four five. b.') },
    { name: 'max 2 allows two occurrences', text: article(`${BASELINE} ${BOILERPLATE}`, `${CACHE} ${BOILERPLATE}`), options: { max: 2 } },
    { name: 'minWords 25 ignores the boilerplate', text: article(`${BASELINE} ${BOILERPLATE}`, `${CACHE} ${BOILERPLATE}`), options: { minWords: 25 } },
    { name: 'sentences inside an exact duplicate paragraph are left to duplicate-paragraph', text: article(BASELINE, BASELINE) },
  ],
  invalid: [
    {
      name: 'a boilerplate sentence three times: two findings pointing at the first',
      text: article(`${BASELINE} ${BOILERPLATE}`, CACHE, `${ROLLBACK} ${BOILERPLATE}`, `${BOILERPLATE} done.`),
      errors: [
        { line: 7, column: ROLLBACK.length + 2, messageIncludes: ['occurs 3 times (max 1)', 'occurrence 2, first at line 3'], related: [3] },
        { line: 9, column: 1, messageIncludes: ['occurrence 3, first at line 3'], related: [3] },
      ],
    },
    {
      name: 'exactly 6 words counts with the default minimum',
      text: article('one two three four five six. a.', 'one two three four five six. b.'),
      errors: [{ line: 5, column: 1, messageIncludes: '"one two three four five six."', related: [3] }],
    },
    {
      name: 'repeats are found after normalising case and punctuation',
      text: article(`${BASELINE} ${BOILERPLATE}`, `${CACHE} For this Python services case keep the owner, expected result and rollback note in the same place!`),
      errors: [{ line: 5, messageIncludes: 'occurs 2 times', related: [3] }],
    },
    {
      name: 'max 2 reports the third occurrence only',
      text: article(`${BASELINE} ${BOILERPLATE}`, `${CACHE} ${BOILERPLATE}`, `${ROLLBACK} ${BOILERPLATE}`),
      options: { max: 2 },
      errors: [{ line: 7, messageIncludes: ['occurs 3 times (max 2)', 'occurrence 3'], related: [3] }],
    },
    {
      name: 'a lower minWords catches short sentences',
      text: article('ship it now. a.', 'ship it now. b.'),
      options: { minWords: 3 },
      errors: [{ line: 5, messageIncludes: '"ship it now."', related: [3] }],
    },
  ],
});

const CODE = "from fastapi import FastAPI\napp = FastAPI()\n\n@app.get('/orders')\ndef list_orders():\n    return {'orders': []}";

ruleTester(duplicateCodeBlock, {
  valid: [
    { name: 'the clean article (one code block)', text: CLEAN },
    {
      name: 'two different code blocks',
      text: cleanWith(['final notes\n\n', `final notes\n\n${CODE.replace("'/orders'", "'/health'")}\n\n`]),
    },
  ],
  invalid: [
    {
      name: 'the same block again',
      text: cleanWith(['final notes\n\n', `final notes\n\n${CODE}\n\n`]),
      errors: [{ line: 39, endLine: 44, messageIncludes: ['"from fastapi import FastAPI"', 'repeats the code block at line 20', 'copy 2'], related: [20] }],
    },
    {
      name: 'the same block with trailing whitespace',
      text: cleanWith(['final notes\n\n', `final notes\n\n${CODE.split('\n').map((line) => `${line}  `).join('\n')}\n\n`]),
      errors: [{ line: 39, messageIncludes: 'line 20', related: [20] }],
    },
  ],
});
