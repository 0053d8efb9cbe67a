/** Placeholder: agreed signature of the reader (owned by the io work). */
export type SourceRead =
  | { kind: 'text'; text: string; bytes: number; invalidUtf8Lines: number[] }
  | { kind: 'unreadable'; reason: 'binary' | 'too-large' | 'read-error'; message: string };
export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
export function decodeBytes(bytes: Uint8Array, _options: { maxBytes?: number } = {}): SourceRead {
  return { kind: 'text', text: new TextDecoder().decode(bytes), bytes: bytes.length, invalidUtf8Lines: [] };
}
export async function readSource(path: string, options: { maxBytes?: number } = {}): Promise<SourceRead> {
  const { readFile } = await import('node:fs/promises');
  return decodeBytes(await readFile(path), options);
}
