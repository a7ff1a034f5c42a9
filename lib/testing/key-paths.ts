/**
 * The deep key paths of a JSON value that carry something: `items.*.status`,
 * `signatures[].userName`. Array elements become `[]`; the keys of the objects at `mapPaths`
 * (records keyed by id) become `*`. Empty values (null, "", {}, []) carry nothing and are left
 * out, so a field that arrives blanked counts as not received.
 */
export function keyPaths(value: unknown, mapPaths: readonly string[] = [], prefix = ""): Set<string> {
  const paths = new Set<string>();
  const visit = (node: unknown, path: string) => {
    if (node === null || node === undefined || node === "") return;
    if (Array.isArray(node)) {
      node.forEach((element) => visit(element, `${path}[]`));
      return;
    }
    if (typeof node === "object") {
      const isMap = mapPaths.includes(path);
      for (const [key, child] of Object.entries(node)) visit(child, path ? `${path}.${isMap ? "*" : key}` : isMap ? "*" : key);
      return;
    }
    paths.add(path);
  };
  visit(value, prefix);
  return paths;
}
