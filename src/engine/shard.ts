/** `--shard 2/4`: the second of four shares of the files, split by path so each job is stable. */
export interface Shard {
  index: number;
  count: number;
}

export function parseShard(text: string): Shard | undefined {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (!match) return undefined;
  const index = Number(match[1]);
  const count = Number(match[2]);
  return count >= 1 && index >= 1 && index <= count ? { index, count } : undefined;
}

/** FNV-1a over the relative path: the same file lands in the same shard on every machine. */
export function shardOf(relativePath: string, count: number): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < relativePath.length; index++) {
    hash ^= relativePath.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return (hash % count) + 1;
}
