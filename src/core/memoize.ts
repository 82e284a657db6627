/** `compute` answered once per key: the analysis asks the same questions of every commit. */
export function memoize<T>(compute: (key: string) => T): (key: string) => T {
  const cache = new Map<string, T>();
  return (key) => {
    // One lookup for an answer already known (the common case); `has` only tells a remembered undefined from none.
    let answer = cache.get(key);
    if (answer === undefined && !cache.has(key)) {
      answer = compute(key);
      cache.set(key, answer);
    }
    return answer as T;
  };
}

/** `compute` answered once per `keyOf(arg)`, for questions asked of objects (a person, by key). */
export function memoizeBy<A, T>(keyOf: (arg: A) => string, compute: (arg: A) => T): (arg: A) => T {
  const cache = new Map<string, T>();
  return (arg) => {
    const key = keyOf(arg);
    let answer = cache.get(key);
    if (answer === undefined && !cache.has(key)) {
      answer = compute(arg);
      cache.set(key, answer);
    }
    return answer as T;
  };
}
