/**
 * Wraps template data so reading a property that does not exist throws, naming it: a misspelt variable in a
 * template fails the render instead of printing "undefined".
 */
const PASS = new Set<PropertyKey>(['toJSON', 'then', 'constructor', 'length', 'inspect', 'asymmetricMatch', '$$typeof', 'nodeType']);
const proxies = new WeakMap<object, unknown>();

export function strict<T>(value: T, path = 'it'): T {
  if (typeof value !== 'object' || value === null || Buffer.isBuffer(value)) return value;
  const cached = proxies.get(value);
  if (cached) return cached as T;
  const proxy = new Proxy(value, {
    get(target, key, receiver) {
      if (typeof key === 'symbol' || key in target) {
        const result = Reflect.get(target, key, receiver) as unknown;
        if (typeof key === 'symbol' || typeof result !== 'object' || result === null) return result;
        // Already wrapped: skip building its path, which only a new wrapper needs.
        return proxies.get(result) ?? strict(result, `${path}.${key}`);
      }
      if (PASS.has(key)) return undefined;
      throw new ReferenceError(`${path}.${key} is not defined`);
    },
  });
  proxies.set(value, proxy);
  return proxy;
}
