// Evidence for a disciplinary case: every response body netral fetched is kept byte for byte under its sha256, and
// manifest.jsonl says what was asked, what answered, when, and with what. A redirect is an answer too: each hop
// has its own entry (status, Location, body), and the entry it led to lists the hops. Evidence is never
// overwritten: bodies are content-addressed and created with link(2), which fails rather than replace; the manifest
// is only appended to.

import { createHash } from 'node:crypto';
import { chmod, link, mkdir, open, stat, unlink, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { OutputError } from '../errors.js';
import { checkReplaceable, removeStaleTempsIn, trackedTemp } from '../report/output.js';

/** A redirect answer on the way to an entry; it has its own entry too. */
export interface ManifestHop {
  /** The URL that answered with the redirect. */
  url: string;
  status: number;
  /** The Location header as the server sent it. */
  location: string;
  sha256: string;
}

export interface ManifestEntry {
  fetched_at: string;
  /** The URL netral asked for. */
  url: string;
  /** The URL that gave this answer, after any redirects. */
  final_url: string;
  /** The URLs that redirected before this answer, in order (the `url` of each of `hops`). */
  redirects: string[];
  status: number;
  /** The Location header as the server sent it; null when there was none. */
  location: string | null;
  content_type: string | null;
  bytes: number;
  sha256: string;
  /** The body, relative to the archive folder. */
  body: string;
  /** The source (account or URL) the request was made for. */
  source: string;
  user_agent: string;
  /** The redirect answers that led to this one, in order. */
  hops: ManifestHop[];
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
    const manifest = path.join(dir, 'manifest.jsonl');
    // A manifest made read-only (an archive handed over as evidence) is not added to, even by root.
    await checkReplaceable(manifest, { verb: 'add to', other: 'another archive folder' });
    try {
      await mkdir(path.join(dir, 'bodies'), { recursive: true });
      // Bodies a killed run was writing (never linked into place: the body is fetched again when needed).
      await removeStaleTempsIn(path.join(dir, 'bodies'));
      const fh = await open(manifest, 'a');
      return new EvidenceArchive(dir, fh);
    } catch (e) {
      throw new OutputError(`cannot use ${dir} as the evidence archive: ${(e as Error).message}`);
    }
  }

  /** Saves a body (unless the same bytes are already there) and appends its manifest entry. */
  async store(entry: Omit<ManifestEntry, 'body' | 'sha256' | 'bytes'>, body: Buffer, sha256: string): Promise<void> {
    const rel = `bodies/${sha256}`;
    await this.saveBody(path.join(this.dir, rel), body);
    // Fields in one fixed order, so that every line reads alike.
    const e = entry;
    const full: ManifestEntry = {
      fetched_at: e.fetched_at,
      url: e.url,
      final_url: e.final_url,
      redirects: e.redirects,
      status: e.status,
      location: e.location,
      content_type: e.content_type,
      bytes: body.length,
      sha256,
      body: rel,
      source: e.source,
      user_agent: e.user_agent,
      hops: e.hops,
    };
    const line = `${JSON.stringify(full)}\n`;
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
    // Tracked, so that a run stopped while saving removes it; one left by a killed run goes at the next open().
    const temp = trackedTemp(target, false);
    const tmp = temp.path;
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
      temp.done();
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
