/**
 * Wraps template data so reading a property that does not exist throws, naming it: a misspelt variable in a
 * template fails the render instead of printing "undefined".
 */
const PASS = new Set<PropertyKey>(['toJSON', 'then', 'constructor', 'length', 'inspect', 'asymmetricMatch', '$$typeof', 'nodeType']);
const proxies = new WeakMap<object, unknown>();
// Asked of a wrapper, gives the data behind it (see unwrap).
const RAW = Symbol('raw');

export function strict<T>(value: T, path = 'it'): T {
  if (typeof value !== 'object' || value === null || Buffer.isBuffer(value)) return value;
  const cached = proxies.get(value);
  if (cached) return cached as T;
  const proxy = new Proxy(value, {
    get(target, key, receiver) {
      if (key === RAW) return target;
      if (typeof key === 'symbol' || key in target) {
        const result = Reflect.get(target, key, receiver) as unknown;
        if (typeof key === 'symbol' || typeof result !== 'object' || result === null) return result;
        // Already wrapped: skip building its path, which only a new wrapper needs.
        return proxies.get(result) ?? strict(result, `${path}.${key}`);
      }
      if (PASS.has(key)) return undefined;
      throw new ReferenceError(`${path}.${key} is not defined`);
    },
    // Template data is read-only: a template that changes it would change what later files and copies see.
    set(_target, key) {
      throw new TypeError(`${path}.${String(key)} is read-only in a template`);
    },
    defineProperty(_target, key) {
      throw new TypeError(`${path}.${String(key)} is read-only in a template`);
    },
    deleteProperty(_target, key) {
      throw new TypeError(`${path}.${String(key)} is read-only in a template`);
    },
  });
  proxies.set(value, proxy);
  return proxy;
}

/**
 * The template locals: a plain object of strict values. EJS copies the locals into a fresh object before every
 * render, and an unknown top-level name is already an error in its strict mode, so only what they hold is wrapped.
 */
export function strictLocals<T extends object>(model: T): T {
  return Object.fromEntries(Object.entries(model).map(([name, value]) => [name, strict(value, name)])) as T;
}

/** The data behind a strict wrapper, for code that reads all of it (a serialiser need not go through the traps). */
export function unwrap<T>(value: T): T {
  return (typeof value === 'object' && value !== null ? ((value as { [RAW]?: T })[RAW] ?? value) : value);
}
