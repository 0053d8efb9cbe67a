/** Placeholder: agreed signature of file discovery (owned by the io work). */
export interface DiscoverOptions { include?: string[]; ignores?: string[]; cwd?: string }
export async function discoverFiles(_paths: string[], _options: DiscoverOptions = {}): Promise<{ files: string[]; missing: string[] }> {
  return { files: [], missing: [] };
}
