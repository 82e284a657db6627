/** `compute` answered once per key: the analysis asks the same questions of every commit. */
export function memoize<T>(compute: (key: string) => T): (key: string) => T {
  const cache = new Map<string, T>();
  return (key) => {
    if (!cache.has(key)) cache.set(key, compute(key));
    return cache.get(key) as T;
  };
}

/** `compute` answered once per `keyOf(arg)`, for questions asked of objects (a person, by key). */
export function memoizeBy<A, T>(keyOf: (arg: A) => string, compute: (arg: A) => T): (arg: A) => T {
  const cache = new Map<string, T>();
  return (arg) => {
    const key = keyOf(arg);
    if (!cache.has(key)) cache.set(key, compute(arg));
    return cache.get(key) as T;
  };
}
