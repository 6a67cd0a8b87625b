// Containers are recognised by their first bytes, never by their file name alone: a download renamed by a
// browser ("archive (1).zip.part", "data") is still read, and a text file called .zip is not mistaken for one.

export type Container = 'zip' | 'gzip' | 'xz' | 'tar';

export function containerOf(head: Buffer): Container | null {
  if (head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && ((head[2] === 3 && head[3] === 4) || (head[2] === 5 && head[3] === 6) || (head[2] === 7 && head[3] === 8))) return 'zip';
  if (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b) return 'gzip';
  if (head.length >= 6 && head[0] === 0xfd && head.subarray(1, 6).toString('latin1') === '7zXZ\0') return 'xz';
  if (isTar(head)) return 'tar';
  return null;
}

/** A POSIX/GNU tar header: "ustar" at offset 257. */
export function isTar(head: Buffer): boolean {
  return head.length >= 262 && head.subarray(257, 262).toString('latin1') === 'ustar';
}

/** The name a compressed file's content would have: `x.json.xz` → `x.json`. */
export function innerName(name: string): string {
  return name.replace(/\.(xz|gz|gzip)$/i, '');
}
