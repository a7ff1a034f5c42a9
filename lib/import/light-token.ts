import type { Token } from "markdown-it";

type Attribute = [name: string, value: string | number];

/**
 * A markdown-it token with the same fields and methods, made with plain class fields. The
 * published markdown-it build initialises each of a Token's fields with
 * `Object.defineProperty`, which made creating tokens (a 1 MB plan has a few hundred
 * thousand) one of the costliest steps of an import. markdown-it 15 creates tokens only in
 * the states' `push`/`pushPending`, which markdown-tokens.ts overrides to use this class.
 */
export class LightToken implements Token {
  attrs: Attribute[] | null = null;
  map: [number, number] | null = null;
  level = 0;
  children: Token[] | null = null;
  content = "";
  markup = "";
  info = "";
  meta: Record<string, unknown> | null = null;
  block = false;
  hidden = false;

  constructor(
    public type: string,
    public tag: string,
    public nesting: -1 | 0 | 1,
  ) {}

  attrIndex(name: string): number {
    const attrs = this.attrs;
    if (!attrs) return -1;
    for (let index = 0; index < attrs.length; index += 1) if (attrs[index]?.[0] === name) return index;
    return -1;
  }

  attrPush(attribute: Attribute): void {
    if (this.attrs) this.attrs.push(attribute);
    else this.attrs = [attribute];
  }

  attrSet(name: string, value: string | number): void {
    const index = this.attrIndex(name);
    const attribute: Attribute = [name, value];
    if (index < 0 || !this.attrs) this.attrPush(attribute);
    else this.attrs[index] = attribute;
  }

  attrGet(name: string): string | number | null {
    const index = this.attrIndex(name);
    return index < 0 ? null : (this.attrs?.[index]?.[1] ?? null);
  }

  attrJoin(name: string, value: string | number): void {
    const index = this.attrIndex(name);
    const attribute = index < 0 ? undefined : this.attrs?.[index];
    if (attribute) attribute[1] = `${attribute[1]} ${value}`;
    else this.attrPush([name, value]);
  }
}
