/** Placeholder: agreed signature of the atomic writer (owned by the io work). */
import { writeFile } from 'node:fs/promises';
export async function writeFileAtomic(path: string, data: string): Promise<void> {
  await writeFile(path, data);
}
