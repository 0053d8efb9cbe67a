export const meta = { id: 'duplicate-paragraph', description: 'clashes with a built-in', defaultSeverity: 'warn' };
export function check() {}
