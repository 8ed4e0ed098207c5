/** Computes `load` once, on first call, and returns the same (frozen by the caller) value afterwards. */
export function memo<T>(load: () => T): () => T {
  let cached: { value: T } | undefined
  return () => {
    cached ??= { value: load() }
    return cached.value
  }
}
