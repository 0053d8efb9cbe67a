import checklistMismatch from '../../rules/checklist-mismatch.js';
import imageMismatch from '../../rules/image-mismatch.js';
import paragraphCountMismatch from '../../rules/paragraph-count-mismatch.js';
import placeholderImage from '../../rules/placeholder-image.js';
import referenceMismatch from '../../rules/reference-mismatch.js';
import topicMismatch from '../../rules/topic-mismatch.js';
import { CLEAN, cleanWith, ruleTester } from './rule-tester.js';

const TOPIC = 43;
const FLAGS = 74;
const CHECKLIST = 79;
const IMAGE_SOURCES = 89;
const PAYLOAD = 96;
const REFERENCE = 72;

const TITLE = 'handling slow database queries in python services: a practical guide';

ruleTester(topicMismatch, {
  valid: [
    { name: 'the clean article', text: CLEAN },
    { name: 'the problem is in aiOutline.problem only', text: cleanWith([TITLE, 'a practical guide to databases']) },
    { name: 'the problem is in the title only', text: cleanWith(['problem: handling slow database queries', 'problem: slow pages']) },
    { name: 'a topic without " / " uses the whole topic', text: cleanWith(['topichandling slow database queries / python services', 'topicslow database queries']) },
    { name: 'case and punctuation do not matter', text: cleanWith([TITLE, 'Handling Slow Database-Queries, in Python']) },
  ],
  invalid: [
    {
      name: 'neither the title nor the outline mention the problem',
      text: cleanWith([TITLE, 'a practical guide to databases'], ['problem: handling slow database queries', 'problem: slow pages']),
      errors: [{ line: TOPIC, messageIncludes: ['topic problem "handling slow database queries"', '"a practical guide to databases"', 'aiOutline.problem "slow pages"'] }],
    },
  ],
});

ruleTester(checklistMismatch, {
  valid: [
    { name: 'the clean article', text: CLEAN },
    { name: 'order and case do not matter', text: cleanWith(['  • compare response times\nentities', 'entities'], ['checklist\n  • capture', 'checklist\n  • Compare Response Times\n  • capture']) },
  ],
  invalid: [
    {
      name: 'an item missing on each side, named',
      text: cleanWith([
        '  • read the query plan\n  • add one index at a time\n  • compare response times\n\n',
        '  • add one index at a time\n  • compare response times\n  • watch the error rate\n\n',
      ]),
      errors: [{
        line: CHECKLIST,
        messageIncludes: ['missing from the body: "read the query plan"', 'missing from the meta box: "watch the error rate"'],
        related: [29],
      }],
    },
    {
      name: 'a body without a checklist',
      text: cleanWith([CLEAN.slice(CLEAN.indexOf('implementation checklist'), CLEAN.indexOf('handling slow database queries with python services visual reference 2')), '']),
      errors: [{ line: CHECKLIST - 7, messageIncludes: 'the body has no checklist but the meta box lists 4 items' }],
    },
  ],
});

const noFigure2 = ['handling slow database queries with python services visual reference 2\nhandling slow database queries with python services visual reference 2. image source: unsplash\n\n', ''] as [string, string];

ruleTester(imageMismatch, {
  valid: [
    { name: 'the clean article (2 figures, 2 sources, has images 1)', text: CLEAN },
  ],
  invalid: [
    {
      name: 'imageSources count differs from the figures',
      text: cleanWith(noFigure2),
      errors: [{ line: IMAGE_SOURCES - 3, messageIncludes: 'imageSources lists 2 images but the body has 1 figure', related: [5] }],
    },
    {
      name: 'has images 0 with figures in the body',
      text: cleanWith(['has images: 1', 'has images: 0']),
      errors: [{ line: FLAGS, messageIncludes: 'flags.hasImages is 0 but the body has 2 figures; expected 1', related: [5, 34] }],
    },
    {
      name: 'has images 1 without figures',
      text: cleanWith(noFigure2, ['handling slow database queries with python services visual reference 1\nhandling slow database queries with python services visual reference 1. image source: unsplash\n\n', '']),
      errors: [
        { line: FLAGS - 6, messageIncludes: 'flags.hasImages is 1 but the body has no figures' },
        { line: IMAGE_SOURCES - 6, messageIncludes: 'imageSources lists 2 images but the body has 0 figures' },
      ],
    },
  ],
});

ruleTester(paragraphCountMismatch, {
  valid: [
    { name: 'the clean article (5 paragraphs after the intro)', text: CLEAN },
    { name: 'the intro is not counted', text: cleanWith(['this guide walks through a careful approach for python services on a single vps.', 'this guide walks through a careful approach.\n\na second intro paragraph that the payload does not count.']) },
  ],
  invalid: [
    {
      name: 'payload.paragraphs differs',
      text: cleanWith(['paragraphs: 5', 'paragraphs: 12']),
      errors: [{ line: PAYLOAD, messageIncludes: 'payload.paragraphs is 12 but the body has 5 prose paragraphs after the intro' }],
    },
  ],
});

ruleTester(referenceMismatch, {
  valid: [
    { name: 'the clean article (31337 everywhere)', text: CLEAN },
    { name: 'leading zeros do not matter', text: cleanWith(['anp-ref-031337-5120', 'anp-ref-000217-1450'], ['alphanode-031337', 'alphanode-000217'], ['seed: 31337', 'seed: 217']) },
    { name: 'a single carrier cannot disagree', text: cleanWith(['referenceanp-ref-031337-5120\n', ''], ['  • source id: alphanode-031337\n', '']) },
  ],
  invalid: [
    {
      name: 'the seed differs',
      text: cleanWith(['seed: 31337', 'seed: 217']),
      errors: [{ line: REFERENCE, messageIncludes: ['reference anp-ref-031337-5120 carries 31337', 'payload.sourceId alphanode-031337 carries 31337', 'payload.seed 217 carries 217', 'expected the same number'], related: [PAYLOAD] }],
    },
    {
      name: 'without a reference, sourceId and seed are compared',
      text: cleanWith(['referenceanp-ref-031337-5120\n', ''], ['alphanode-031337', 'alphanode-000001']),
      errors: [{ line: PAYLOAD - 1, messageIncludes: ['payload.sourceId alphanode-000001 carries 1', 'payload.seed 31337 carries 31337'] }],
    },
  ],
});

ruleTester(placeholderImage, {
  valid: [
    { name: 'the clean article (unsplash)', text: CLEAN },
    { name: 'a host outside the hosts option', text: cleanWith(['image source: unsplash\n\nwhy', 'image source: placehold.co\n\nwhy']), options: { hosts: ['example.com'] } },
    { name: 'a look-alike host is not a subdomain', text: cleanWith(['image source: unsplash\n\nwhy', 'image source: notplacehold.co\n\nwhy']) },
  ],
  invalid: [
    {
      name: 'a figure from placehold.co',
      text: cleanWith(['image source: unsplash\n\nwhy', 'image source: placehold.co\n\nwhy']),
      errors: [{ line: 5, messageIncludes: ['figure "handling slow database queries with python', 'placeholder host placehold.co'] }],
    },
    {
      name: 'image source urls on placeholder hosts (subdomains too)',
      text: cleanWith(
        ['url: https://images.unsplash.com/photo-1555066931-4365d14bab8c?w=1200', 'url: https://picsum.photos/seed/anp-000218/1200/630'],
        ['url: https://images.unsplash.com/photo-1498050108023-c5249f4df085?w=1200', 'url: https://i.dummyimage.com/600x400'],
      ),
      errors: [
        { line: IMAGE_SOURCES, messageIncludes: 'imageSources[0] url https://picsum.photos/seed/anp-000218/1200/630 is served by placeholder host picsum.photos' },
        { line: IMAGE_SOURCES, messageIncludes: 'imageSources[1] url https://i.dummyimage.com/600x400 is served by placeholder host dummyimage.com' },
      ],
    },
    {
      name: 'an image source entry whose source names the host',
      text: cleanWith(['    • source: unsplash\n    • url: https://images.unsplash.com/photo-1555066931', '    • source: loremflickr.com\n    • url: https://images.unsplash.com/photo-1555066931']),
      errors: [{ line: IMAGE_SOURCES, messageIncludes: 'imageSources[0] source loremflickr.com is served by placeholder host loremflickr.com' }],
    },
    {
      name: 'custom hosts',
      text: cleanWith(['image source: unsplash\n\nwhy', 'image source: cdn.example.com\n\nwhy']),
      options: { hosts: ['example.com'] },
      errors: [{ line: 5, messageIncludes: 'placeholder host example.com' }],
    },
  ],
});
