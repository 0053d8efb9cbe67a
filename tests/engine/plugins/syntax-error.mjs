export const meta = {
