import { createHash } from 'node:crypto';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { decodeIndex, encodeIndex } from './indexCodec';
import type { HistoryIndex } from './historyIndex';

/** Where history indexes are kept between runs; never inside the repository. */
export interface IndexCache {
  load(topLevel: string, key: string): Promise<HistoryIndex | undefined>;
  save(topLevel: string, key: string, index: HistoryIndex): Promise<void>;
  /** Resolves when every write started so far has finished. */
  flush(): Promise<void>;
}

/** A cache key: a digest of everything the index depends on besides the commits themselves. */
export function indexKey(parts: Record<string, unknown>): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}

/**
 * One JSON file per repository in a folder of the extension's storage, and the latest index of
 * each repository in memory, so an update after a commit neither parses nor waits for the file.
 * Writes go to a temporary file renamed into place, so a crash never leaves half a file, and run
 * in the background (a load waits for a pending write of its file); an unreadable, corrupt or
 * foreign file is a cache miss.
 */
export function fileIndexCache(directory: string, onProblem: (message: string) => void = () => undefined): IndexCache {
  const fileFor = (topLevel: string): string => path.join(directory, `${createHash('sha256').update(topLevel).digest('hex').slice(0, 32)}.json`);
  const memory = new Map<string, { key: string; index: HistoryIndex }>();
  const writes = new Map<string, Promise<void>>();
  return {
    async load(topLevel, key) {
      const remembered = memory.get(topLevel);
      if (remembered?.key === key) return remembered.index;
      const file = fileFor(topLevel);
      await writes.get(file);
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
      const index = decodeIndex(parsed, key);
      if (index) memory.set(topLevel, { key, index });
      return index;
    },
    async save(topLevel, key, index) {
      memory.set(topLevel, { key, index });
      const file = fileFor(topLevel);
      const write = (writes.get(file) ?? Promise.resolve())
        .then(async () => {
          await fs.mkdir(directory, { recursive: true });
          const temporary = `${file}.${process.pid}.tmp`;
          await fs.writeFile(temporary, JSON.stringify(encodeIndex(index, key)));
          await fs.rename(temporary, file);
        })
        .catch((error: unknown) => onProblem(`the history cache could not be written to ${file}: ${error instanceof Error ? error.message : String(error)}`));
      writes.set(file, write);
      void write.finally(() => {
        if (writes.get(file) === write) writes.delete(file);
      });
    },
    async flush() {
      await Promise.all([...writes.values()]);
    },
  };
}
