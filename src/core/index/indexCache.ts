import { createHash } from 'node:crypto';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { decodeIndex, encodeIndex } from './indexCodec';
import type { HistoryIndex } from './historyIndex';

/** Where history indexes are kept between runs; never inside the repository. */
export interface IndexCache {
  load(topLevel: string, key: string): Promise<HistoryIndex | undefined>;
  save(topLevel: string, key: string, index: HistoryIndex): Promise<void>;
}

/** A cache key: a digest of everything the index depends on besides the commits themselves. */
export function indexKey(parts: Record<string, unknown>): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}

/**
 * One JSON file per repository in a folder of the extension's storage. Writes go to a temporary
 * file renamed into place, so a crash never leaves half a file; an unreadable, corrupt or
 * foreign file is a cache miss.
 */
export function fileIndexCache(directory: string, onProblem: (message: string) => void = () => undefined): IndexCache {
  const fileFor = (topLevel: string): string => path.join(directory, `${createHash('sha256').update(topLevel).digest('hex').slice(0, 32)}.json`);
  return {
    async load(topLevel, key) {
      const file = fileFor(topLevel);
      let text: string;
      try {
        text = await fs.readFile(file, 'utf8');
      } catch {
        return undefined;
      }
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        onProblem(`the history cache ${file} is not valid JSON; it is ignored and will be rebuilt`);
        return undefined;
      }
      return decodeIndex(parsed, key);
    },
    async save(topLevel, key, index) {
      await fs.mkdir(directory, { recursive: true });
      const file = fileFor(topLevel);
      const temporary = `${file}.${process.pid}.tmp`;
      await fs.writeFile(temporary, JSON.stringify(encodeIndex(index, key)));
      await fs.rename(temporary, file);
    },
  };
}
