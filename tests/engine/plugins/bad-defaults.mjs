import { z } from 'zod';
export const meta = { id: 'bad-defaults', description: 'x', defaultSeverity: 'warn', schema: z.object({ max: z.number() }) };
export function check() {}
