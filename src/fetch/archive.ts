// Evidence for a disciplinary case: every response body netral fetched is kept byte for byte under its sha256, and
// manifest.jsonl says what was asked, what answered, when, and with what. Evidence is never overwritten: bodies are
// content-addressed and created with link(2), which fails rather than replace; the manifest is only appended to.

import { createHash, randomBytes } from 'node:crypto';
import { chmod, link, mkdir, open, stat, unlink, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { OutputError } from '../errors.js';

export interface ManifestEntry {
  fetched_at: string;
  /** The URL netral asked for. */
  url: string;
  /** The URL that answered, after redirects. */
  final_url: string;
  redirects: string[];
  status: number;
  content_type: string | null;
  bytes: number;
  sha256: string;
  /** The body, relative to the archive folder. */
  body: string;
  /** The source (account or URL) the request was made for. */
  source: string;
  user_agent: string;
}

export function sha256Hex(b: Buffer): string {
  return createHash('sha256').update(b).digest('hex');
}

export class EvidenceArchive {
  private chain: Promise<void> = Promise.resolve();
  private failure: Error | null = null;

  private constructor(
    readonly dir: string,
    private readonly manifest: FileHandle,
  ) {}

  static async open(dir: string): Promise<EvidenceArchive> {
    try {
      await mkdir(path.join(dir, 'bodies'), { recursive: true });
      const fh = await open(path.join(dir, 'manifest.jsonl'), 'a');
      return new EvidenceArchive(dir, fh);
    } catch (e) {
      throw new OutputError(`cannot use ${dir} as the evidence archive: ${(e as Error).message}`);
    }
  }

  /** Saves a body (unless the same bytes are already there) and appends its manifest entry. */
  async store(entry: Omit<ManifestEntry, 'body' | 'sha256' | 'bytes'>, body: Buffer, sha256: string): Promise<void> {
    const rel = `bodies/${sha256}`;
    await this.saveBody(path.join(this.dir, rel), body);
    const line = `${JSON.stringify({ ...entry, bytes: body.length, sha256, body: rel } satisfies ManifestEntry)}\n`;
    // One append at a time, so lines from concurrent accounts never interleave.
    this.chain = this.chain.then(async () => {
      try {
        await this.manifest.appendFile(line);
      } catch (e) {
        this.failure ??= e as Error;
      }
    });
    await this.chain;
    if (this.failure) throw new OutputError(`cannot write ${path.join(this.dir, 'manifest.jsonl')}: ${this.failure.message}`);
  }

  private async saveBody(target: string, body: Buffer): Promise<void> {
    try {
      await stat(target);
      return; // same name, same bytes: already kept
    } catch {
      // not there yet
    }
    const tmp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      const fh = await open(tmp, 'wx');
      try {
        await fh.writeFile(body);
        await fh.sync();
      } finally {
        await fh.close();
      }
      await chmod(tmp, 0o444);
      await link(tmp, target);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw new OutputError(`cannot save evidence ${target}: ${(e as Error).message}`);
    } finally {
      await unlink(tmp).catch(() => {});
    }
  }

  async close(): Promise<void> {
    await this.chain;
    try {
      await this.manifest.sync();
    } finally {
      await this.manifest.close();
    }
  }
}
