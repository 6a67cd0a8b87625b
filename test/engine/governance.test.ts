// Cases from fixtures/governance: civil servants at work after the 2024 winners took office. Each states the post
// the way an inspectorate meets it in 2025–2026.

import { describe, expect, it } from 'vitest';
import { scan } from '../helpers/engine.js';

const MAR_2025 = '2025-03-05T10:00:00+07:00';

describe('an official named by their title after the inauguration', () => {
  it('is the official at work, not a candidate: a mention, or carrying out their programme or instruction', async () => {
    for (const t of [
      'Kami siap mendukung program prioritas Presiden Prabowo, Asta Cita, di unit kerja kami',
      'Lanjutkan program Wapres Gibran untuk hilirisasi digital di desa kami',
      'Mendukung program Gubernur Jabar Dedi Mulyadi soal barak militer',
      'Arahan Gubernur Ahmad Luthfi di rakor: semua OPD kudu nyengkuyung program ketahanan pangan',
      'RT @humasjatim: Gubernur Khofifah serahkan bantuan alsintan kepada 200 kelompok tani',
      'Rakor bersama Wagub Emil Dardak soal penanganan stunting',
    ]) {
      const r = await scan(t, { date: MAR_2025 });
      expect(r.verdict, t).toBe('clean');
      expect(r.suppressed.flatMap((f) => f.modifiers.map((m) => m.kind)), t).toContain('office_holder');
    }
  });

  it('only from the inauguration of that race on', async () => {
    // The governors took office on 20 Feb 2025: "Gubernur Dedi Mulyadi" a week before was the governor-elect.
    expect((await scan('Mendukung program Gubernur Jabar Dedi Mulyadi soal barak militer', { date: '2025-02-13T10:00:00+07:00' })).verdict).not.toBe('clean');
    // During the 2024 campaign a title is no shield: "dukung program Pak Prabowo" was support for a candidate.
    expect((await scan('Dukung program Capres Prabowo, makan siang gratis!', { date: '2024-01-20T10:00:00+07:00' })).verdict).toBe('violation');
  });

  it('support for the person, without a word of official work before the title, is judged as before', async () => {
    const r = await scan('Kerja nyata Pak Gubernur KDM, 2030 wajib lanjut 2 periode! Coblos lagi ya warga Jabar', { date: '2026-06-01T19:30:00+07:00' });
    const support = r.findings.find((f) => f.category === 'endorsement');
    expect(support?.modifiers.map((m) => m.kind)).not.toContain('office_holder');
    // A name with no title is not the office ("Prabowo hebat" in 2025 is a mention, as it was).
    expect((await scan('Dukung terus Prabowo-Gibran 🔥', { date: '2024-01-20T10:00:00+07:00' })).verdict).toBe('violation');
  });
});
