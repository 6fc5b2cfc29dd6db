/**
 * Button custom ids: `name:arg:arg…`. The router picks the button module by `name`; the args
 * carry its state (a page number, an answer key). Pure.
 */
export function encodeCustomId(name: string, ...args: (string | number)[]): string {
  const id = [name, ...args].join(':');
  if (id.length > 100) throw new RangeError(`custom id "${id.slice(0, 40)}…" is ${id.length} characters; Discord allows 100`);
  return id;
}

export function decodeCustomId(customId: string): { name: string; args: string[] } {
  const [name = '', ...args] = customId.split(':');
  return { name, args };
}
