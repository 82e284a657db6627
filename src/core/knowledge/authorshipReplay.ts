import type { CommitChange } from '../history/repositoryHistory';
import type { FileAuthorship } from './degreeOfAuthorship';

/**
 * Replays file-level history oldest first and keeps one FileAuthorship per current path; a
 * rename carries the record to the new path, so history survives moves. Changes that must not
 * count (bots, ignore-revs, ignored paths) still move and delete records, or a bot's rename
 * would cut a file off from its past.
 */
export class AuthorshipReplay {
  private readonly files: Map<string, FileAuthorship>;
  private readonly deleted: Map<string, FileAuthorship>;
  /**
   * The earlier replay's records, which this one must not change. A continued replay shares them
   * and copies one only before changing it, so an update that touches ten files of a hundred
   * thousand copies ten records, and the earlier index stays as it was.
   */
  private readonly shared: ReadonlySet<FileAuthorship>;

  /**
   * @param files records by current path, to continue a replay (incremental updates); never changed
   * @param deleted records of deleted paths: the reference keeps a path's history when it is re-added
   */
  constructor(files?: ReadonlyMap<string, FileAuthorship>, deleted?: ReadonlyMap<string, FileAuthorship>) {
    this.files = new Map(files);
    this.deleted = new Map(deleted);
    this.shared = new Set([...this.files.values(), ...this.deleted.values()]);
  }

  apply(change: CommitChange, person: string, time: number, counted: boolean): void {
    switch (change.status) {
      case 'A':
      case 'C':
        this.add(change.path, person, time, counted);
        return;
      case 'D': {
        const file = this.files.get(change.path);
        this.files.delete(change.path);
        if (file) this.deleted.set(change.path, file);
        return;
      }
      case 'R':
        this.rename(change.oldPath ?? change.path, change.path);
        if (counted) this.deliver(change.path, person, time);
        return;
      default:
        if (counted) this.deliver(change.path, person, time);
    }
  }

  /** The records of the files that exist at the end of the replay. */
  result(): ReadonlyMap<string, FileAuthorship> {
    return this.files;
  }

  /** Records of deleted paths, kept so that a later replay can revive them. */
  deletedRecords(): ReadonlyMap<string, FileAuthorship> {
    return this.deleted;
  }

  private add(path: string, person: string, time: number, counted: boolean): void {
    const found = this.files.get(path) ?? this.deleted.get(path);
    this.deleted.delete(path);
    const file = found ? this.owned(found) : emptyRecord();
    this.files.set(path, file);
    // The first add makes its author the creator; an add by someone else later (the path was
    // deleted and re-created) makes them a secondary creator; the reference does the same.
    if (counted) {
      file.creators.add(person);
      file.lastTouched.set(person, Math.max(time, file.lastTouched.get(person) ?? 0));
    }
  }

  private rename(from: string, to: string): void {
    const file = this.files.get(from);
    this.files.delete(from);
    if (file) this.files.set(to, file);
  }

  private deliver(path: string, person: string, time: number): void {
    const found = this.files.get(path);
    // History can start mid-life (shallow clone, a file first added by a bot): record what we see.
    const file = found ? this.owned(found) : emptyRecord();
    if (file !== found) this.files.set(path, file);
    file.deliveries.set(person, (file.deliveries.get(person) ?? 0) + 1);
    file.changes++;
    file.lastTouched.set(person, Math.max(time, file.lastTouched.get(person) ?? 0));
  }

  /** The record itself unless the earlier replay owns it; then a copy this replay may change. */
  private owned(record: FileAuthorship): FileAuthorship {
    if (!this.shared.has(record)) return record;
    return { creators: new Set(record.creators), deliveries: new Map(record.deliveries), changes: record.changes, lastTouched: new Map(record.lastTouched) };
  }
}

function emptyRecord(): FileAuthorship {
  return { creators: new Set(), deliveries: new Map(), changes: 0, lastTouched: new Map() };
}
