/** `1 item`, `3 items`, `2 copies` (with the plural form given). */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}
