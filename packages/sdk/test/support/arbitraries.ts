// fast-check arbitraries for the property tests: valid answers corrupted by random mutations.
import fc from 'fast-check';

type Json = fc.JsonValue;
type Path = Array<string | number>;

/** Every path into `value`, the root (`[]`) included. */
export function pathsOf(value: unknown, prefix: Path = []): Path[] {
  const found: Path[] = [prefix];
  if (Array.isArray(value)) value.forEach((item, index) => found.push(...pathsOf(item, [...prefix, index])));
  else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) found.push(...pathsOf(item, [...prefix, key]));
  }
  return found;
}

/** The same value as another JSON type: `3` → `"3"`, `"x"` → `1`, `{a: 1}` → `[1]`, `[1]` → `{"0": 1}`, … */
export function retyped(value: unknown): Json {
  if (typeof value === 'string') return value.length;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'true' : 0;
  if (value === null) return {};
  if (Array.isArray(value)) return Object.fromEntries(value.map((item, index) => [String(index), item as Json]));
  return Object.values(value as Record<string, Json>);
}

export type Mutation =
  | { kind: 'drop'; path: Path }
  | { kind: 'retype'; path: Path }
  | { kind: 'replace'; path: Path; value: Json }
  | { kind: 'null'; path: Path };

/** `value` (deep-copied) with `mutation` applied; a path made stale by an earlier mutation changes nothing. */
export function mutate(value: Json, mutation: Mutation): Json {
  const copy = structuredClone(value);
  const { path } = mutation;
  const replacement = (current: unknown): Json | undefined =>
    mutation.kind === 'retype'
      ? retyped(current)
      : mutation.kind === 'replace'
        ? mutation.value
        : mutation.kind === 'null'
          ? null
          : undefined;
  if (path.length === 0) return mutation.kind === 'drop' ? {} : (replacement(copy) ?? null);
  let parent: unknown = copy;
  for (const key of path.slice(0, -1)) {
    if (typeof parent !== 'object' || parent === null) return copy;
    parent = (parent as Record<string | number, unknown>)[key];
  }
  if (typeof parent !== 'object' || parent === null) return copy;
  const last = path.at(-1)!;
  const container = parent as Record<string | number, unknown>;
  if (!(last in container)) return copy;
  if (mutation.kind === 'drop') {
    if (Array.isArray(container) && typeof last === 'number') container.splice(last, 1);
    else delete container[last];
  } else {
    container[last] = replacement(container[last]);
  }
  return copy;
}

/** One to three random mutations of `fixture`: a key dropped, a value of another type, random JSON, null. */
export function corrupted(fixture: unknown): fc.Arbitrary<Json> {
  const paths = pathsOf(fixture);
  const path = fc.constantFrom(...paths);
  const mutation: fc.Arbitrary<Mutation> = fc.oneof(
    path.map((at) => ({ kind: 'drop' as const, path: at })),
    path.map((at) => ({ kind: 'retype' as const, path: at })),
    path.map((at) => ({ kind: 'null' as const, path: at })),
    fc.record({ kind: fc.constant('replace' as const), path, value: fc.jsonValue({ maxDepth: 3 }) }),
  );
  return fc
    .array(mutation, { minLength: 1, maxLength: 3 })
    .map((mutations) => mutations.reduce((value, each) => mutate(value, each), fixture as Json));
}
