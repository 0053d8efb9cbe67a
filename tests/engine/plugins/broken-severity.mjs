export const meta = { id: 'bad-severity', description: 'x', defaultSeverity: 'fatal' };
export function check() {}
