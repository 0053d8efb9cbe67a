import metaDuplicateField from '../../rules/meta-duplicate-field.js';
import metaFieldMissing from '../../rules/meta-field-missing.js';
import metaInvalid from '../../rules/meta-invalid.js';
import metaMissing from '../../rules/meta-missing.js';
import metaUnknownField from '../../rules/meta-unknown-field.js';
import { CLEAN, cleanWith, edit, ruleTester } from './rule-tester.js';

// Lines of fixtures/rules/clean.txt: the meta box starts at 41.
const META = 41;
const SCORE = 63;
const REVISION = 68;
const REFERENCE = 72;
const HASH = 73;
const FLAGS = 74;
const IMAGE_SOURCES = 89;
const PAYLOAD = 96;

const withoutMeta = CLEAN.slice(0, CLEAN.indexOf('alphanode post meta'));

ruleTester(metaMissing, {
  valid: [
    { name: 'the clean article', text: CLEAN },
    { name: 'an empty post is left to empty-post', text: '' },
    { name: 'a box with a separator-style label line still counts', text: cleanWith(['topichandling', 'topic: handling']) },
  ],
  invalid: [
    { name: 'an article without a meta box', text: withoutMeta, errors: [{ line: 1, messageIncludes: ['no meta box', 'alphanode post meta'] }] },
  ],
});

/** Removes the clean article's text from `from` up to (not including) `to`. */
function cutField(from: string, to: string): [string, string] {
  const start = CLEAN.indexOf(from);
  const end = CLEAN.indexOf(to, start);
  if (start === -1 || end <= start) throw new Error(`cutField: ${JSON.stringify(from)}..${JSON.stringify(to)} not found`);
  return [CLEAN.slice(start, end), ''];
}

ruleTester(metaFieldMissing, {
  valid: [
    { name: 'the clean article', text: CLEAN },
    { name: 'no meta box at all is left to meta-missing', text: withoutMeta },
    {
      name: 'imageSources may be absent when flags.hasImages is 0',
      text: cleanWith(cutField('image sources', 'payload'), ['  • has images: 1', '  • has images: 0']),
    },
    {
      name: 'a custom required list',
      text: cleanWith(['\nnotes\n  • written as a clean example for the rule tests\n', '\n'], cutField('hash', 'flags')),
      options: { required: ['topic', 'summary'] },
    },
  ],
  invalid: [
    {
      name: 'a missing field, named by key and label',
      text: cleanWith(cutField('view count', 'score')),
      errors: [{ line: META, messageIncludes: ['viewCount', '"view count"', 'missing'] }],
    },
    {
      name: 'imageSources is required when flags.hasImages is 1',
      text: cleanWith(cutField('image sources', 'payload')),
      errors: [{ line: META, messageIncludes: ['meta field imageSources (label "image sources") is missing', 'because flags.hasImages is 1'] }],
    },
    {
      name: 'only the required fields are checked',
      text: cleanWith(cutField('view count', 'score'), cutField('hash', 'flags')),
      options: { required: ['hash', 'topic'] },
      errors: [{ line: META, messageIncludes: 'meta field hash (label "hash") is missing; expected it in the meta box' }],
    },
    {
      name: 'several missing fields make one finding, in catalog order',
      text: cleanWith(cutField('view count', 'score'), cutField('hash', 'flags'), cutField('ai brief', 'stack\n  •')),
      errors: [{ line: META, messageIncludes: 'meta box is missing 3 required fields: aiBrief (label "ai brief"), viewCount (label "view count"), hash (label "hash"); expected them in the meta box' }],
    },
  ],
});

ruleTester(metaInvalid, {
  valid: [
    { name: 'the clean article', text: CLEAN },
    { name: 'boundary scores 0 and 100', text: cleanWith(['quality: 82', 'quality: 0'], ['clarity: 88', 'clarity: 100']) },
    { name: 'a leap day', text: cleanWith(['last reviewed: 2026-06-01', 'last reviewed: 2024-02-29']) },
    { name: 'a semver with a pre-release', text: cleanWith(['version: 1.0.2', 'version: 1.0.2-rc.1']) },
  ],
  invalid: [
    {
      name: 'a score out of range',
      text: cleanWith(['quality: 82', 'quality: 140']),
      errors: [{ line: SCORE, messageIncludes: 'score.quality is 140; expected an integer from 0 to 100' }],
    },
    {
      name: 'a date that is not on the calendar',
      text: cleanWith(['last reviewed: 2026-06-01', 'last reviewed: 2023-02-30']),
      errors: [{ line: REVISION, messageIncludes: 'revision.lastReviewed is 2023-02-30; expected a real calendar date (YYYY-MM-DD)' }],
    },
    {
      name: 'an ambiguous date is reported, not guessed',
      text: cleanWith(['last reviewed: 2026-06-01', 'last reviewed: 03/08/2019']),
      errors: [{ line: REVISION, messageIncludes: ['revision.lastReviewed is 03/08/2019', 'ambiguous', '2019-03-08 or 2019-08-03'] }],
    },
    {
      name: 'a non-integer reading time',
      text: cleanWith(['reading time7', 'reading timeabc']),
      errors: [{ line: 61, messageIncludes: 'readingTime is abc; expected a non-negative integer' }],
    },
    {
      name: 'an unknown difficulty',
      text: cleanWith(['difficultyintermediate', 'difficultyexpert']),
      errors: [{ line: 60, messageIncludes: 'difficulty is expert; expected one of beginner, intermediate, advanced' }],
    },
    {
      name: 'a version that is not semver',
      text: cleanWith(['version: 1.0.2', 'version: v1']),
      errors: [{ line: REVISION, messageIncludes: 'revision.version is v1; expected a semantic version such as 1.3.1' }],
    },
    {
      name: 'a malformed reference and hash',
      text: cleanWith(['referenceanp-ref-031337-5120', 'referenceanp-ref-31337'], ['hash0a1b2c3d4e5f60718293a4b5', 'hash0A1B2C']),
      errors: [
        { line: REFERENCE, messageIncludes: 'reference is anp-ref-31337; expected a reference such as anp-ref-026366-4281' },
        { line: HASH, messageIncludes: 'hash is 0A1B2C; expected 24 lowercase hex characters' },
      ],
    },
    {
      name: 'a flag that is not 0 or 1',
      text: cleanWith(['image heavy: 0', 'image heavy: maybe']),
      errors: [{ line: FLAGS, messageIncludes: 'flags.imageHeavy is maybe; expected 0 or 1' }],
    },
    {
      name: 'a missing key of an object field',
      text: cleanWith(['  • clarity: 88\n', '']),
      errors: [{ line: SCORE, messageIncludes: 'score.clarity is missing; expected an integer from 0 to 100' }],
    },
    {
      name: 'an image source url that is not http(s)',
      text: cleanWith(['url: https://images.unsplash.com/photo-1498050108023-c5249f4df085?w=1200', 'url: not a url']),
      errors: [{ line: IMAGE_SOURCES, messageIncludes: 'imageSources[1].url is not a url; expected an http(s) URL' }],
    },
    {
      name: 'an unknown key inside an object field',
      text: cleanWith(['  • clarity: 88\n', '  • clarity: 88\n  • tone: 12\n']),
      errors: [{ line: SCORE, messageIncludes: 'score.tone is not a key of score; expected only quality, freshness, depth, clarity' }],
    },
    {
      name: 'payload numbers',
      text: cleanWith(['paragraphs: 5', 'paragraphs: five'], ['seed: 31337', 'seed: -4']),
      errors: [
        { line: PAYLOAD, messageIncludes: 'payload.paragraphs is five; expected a non-negative integer' },
        { line: PAYLOAD, messageIncludes: 'payload.seed is -4; expected a non-negative integer' },
      ],
    },
  ],
});

const duplicateTopic = edit(CLEAN, ['notes\n  •', 'topicsomething else / python services\nnotes\n  •']);

ruleTester(metaDuplicateField, {
  valid: [
    { name: 'the clean article', text: CLEAN },
    { name: 'an unknown field is not a duplicate', text: cleanWith(['notes\n  •', 'canonical urlhttps://example.com/x\nnotes\n  •']) },
  ],
  invalid: [
    {
      name: 'a field given twice points at the first copy',
      text: duplicateTopic,
      errors: [{ line: 102, messageIncludes: ['topic', 'given again', 'first at line 43', 'first value is used'], related: [43] }],
    },
  ],
});

ruleTester(metaUnknownField, {
  valid: [
    { name: 'the clean article', text: CLEAN },
    { name: 'a duplicate of a known field is left to meta-duplicate-field', text: duplicateTopic },
    {
      name: 'labels in allow are accepted in any case',
      text: cleanWith(['notes\n  •', 'canonical url: https://example.com/x\nnotes\n  •']),
      options: { allow: ['Canonical  URL'] },
    },
  ],
  invalid: [
    {
      name: 'a typo suggests the known label',
      text: cleanWith(['notes\n  •', 'readng time: 7\nnotes\n  •']),
      errors: [{ line: 102, messageIncludes: ['unknown meta field "readng time"', 'did you mean "reading time"?'] }],
    },
    {
      name: 'an unrelated label gets no suggestion',
      text: cleanWith(['notes\n  •', 'canonical url: https://example.com/x\nnotes\n  •']),
      errors: [{ line: 102, messageIncludes: ['unknown meta field "canonical url"', 'expected one of the known labels'] }],
    },
  ],
});
