export default { meta: { id: 'no-check', description: 'x', defaultSeverity: 'warn' } };
