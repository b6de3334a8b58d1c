/** In-memory records by id, for the emulator's stores. Subclasses add the queries their API needs. */
export class KeyedStore<T> {
  protected readonly records = new Map<string, T>();

  constructor(private readonly keyOf: (record: T) => string) {}

  has(key: string): boolean {
    return this.records.has(key);
  }

  get(key: string): T | undefined {
    return this.records.get(key);
  }

  /** Inserts or replaces the record under its key. */
  add(record: T): void {
    this.records.set(this.keyOf(record), record);
  }

  /** Every record, in insertion order. */
  all(): IterableIterator<T> {
    return this.records.values();
  }

  delete(key: string): void {
    this.records.delete(key);
  }

  clear(): void {
    this.records.clear();
  }
}
