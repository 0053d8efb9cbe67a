import emptySection from '../../rules/empty-section.js';
import scrapeResidue from '../../rules/scrape-residue.js';
import { CLEAN, cleanWith, ruleTester } from './rule-tester.js';

ruleTester(emptySection, {
  valid: [
    { name: 'the clean article', text: CLEAN },
    { name: 'a section holding only a checklist or a figure is not empty', text: cleanWith(['  • compare response times\n', '  • compare response times\n\nsecurity notes\n\nhandling x visual reference 3\nhandling x visual reference 3. image source: unsplash\n']) },
  ],
  invalid: [
    {
      name: 'a heading directly followed by another heading',
      text: cleanWith(['why this matters\n', 'production checks\n\nwhy this matters\n']),
      errors: [{ line: 8, messageIncludes: 'section "production checks" is empty' }],
    },
    {
      name: 'a last heading right before the meta box',
      text: cleanWith(['\nalphanode post meta', '\nsecurity and maintenance notes\n\nalphanode post meta']),
      errors: [{ line: 41, messageIncludes: 'section "security and maintenance notes" is empty' }],
    },
  ],
});

ruleTester(scrapeResidue, {
  valid: [{ name: 'the clean article', text: CLEAN }],
  invalid: [
    {
      name: 'table debris and the Similar Posts trailer',
      text: `| | |\n\n${CLEAN}\nSimilar Posts\n`,
      errors: [
        { line: 1, messageIncludes: '"| | |" is scrape residue' },
        { line: 107, messageIncludes: '"Similar Posts" is scrape residue' },
      ],
    },
  ],
});
