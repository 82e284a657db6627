/**
 * Awaits every task, even after one fails, so that no git process of a `concurrently` turn
 * outlives the turn; calls `onFirstFailure` at the first failure (to stop the others early)
 * and, once all have settled, throws that first failure rather than what it caused.
 */
export async function settleAll<T extends readonly unknown[]>(tasks: { readonly [K in keyof T]: Promise<T[K]> }, onFirstFailure?: (error: unknown) => void): Promise<T> {
  let failure: { error: unknown } | undefined;
  const settled = await Promise.all(
    (tasks as readonly Promise<unknown>[]).map((task) =>
      task.catch((error: unknown) => {
        if (!failure) {
          failure = { error };
          onFirstFailure?.(error);
        }
        return undefined;
      }),
    ),
  );
  if (failure) throw failure.error;
  return settled as unknown as T;
}
