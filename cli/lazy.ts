/** A module (or anything) loaded once on first use, and readable at once after that. */
export interface Lazy<T> {
  /** Starts loading on the first call; every call gets the same promise. */
  load(): Promise<T>;
  /** The value once it has loaded, for code that must not wait. */
  readonly value: T | undefined;
}

export function lazy<T>(load: () => Promise<T>): Lazy<T> {
  let value: T | undefined;
  let loading: Promise<T> | undefined;
  return {
    load: () =>
      (loading ??= load().then((loaded) => {
        value = loaded;
        return loaded;
      })),
    get value() {
      return value;
    },
  };
}
