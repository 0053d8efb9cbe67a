// A custom rule written against the same interface as the built-ins (plain ESM, no build).
export const meta = {
  id: 'no-todo',
  description: 'A paragraph that still says TODO.',
  defaultSeverity: 'warn',
  tags: ['custom'],
  docs: 'https://example.com/rules/no-todo',
};

export function check(post, context) {
  for (const section of post.sections) {
    for (const block of section.blocks) {
      if (block.type === 'paragraph' && block.text.includes('TODO')) {
        context.report({ line: block.line, message: 'paragraph still says TODO; expected finished text' });
      }
    }
  }
}
