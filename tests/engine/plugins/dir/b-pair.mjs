export const rules = [
  { meta: { id: 'pair-one', description: 'first of two', defaultSeverity: 'warn' }, check() {} },
  { meta: { id: 'pair-two', description: 'second of two', defaultSeverity: 'off' }, check() {} },
];
