// The optional online tile layer (Settings → Locations → Online map tiles).

/** What is wrong with a tile URL template, or '' when it is usable: http(s), with {z}, {x} and {y}. */
export function tileUrlProblem(url: string): string {
  const u = url.trim()
  if (!u) return 'Enter the address of the tiles.'
  if (!/^https?:\/\/[^/\s]+/i.test(u)) return 'The address starts with https:// (or http://) and a host name.'
  if (/\s/.test(u)) return 'The address cannot contain spaces.'
  if (!['{z}', '{x}', '{y}'].every((p) => u.includes(p))) return 'The address needs {z}, {x} and {y} where the tile numbers go.'
  return ''
}
