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

describe('early campaigning for the next race, after the 2024 one', () => {
  it('support for a 2024 candidate with a second term or the 2029 vote keeps its full confidence', async () => {
    for (const [t, date] of [
      ['Mas Gibran 2029 gasss 🔥🔥 siap menangkan!', '2026-02-02T19:00:00+07:00'],
      ['Ganjar 2029! Kali ini harus menang, ayo relawan bergerak lagi 🤟', '2026-08-21T22:00:00+07:00'],
      ['Ikut rapat relawan Prabowo-Gibran persiapan 2029 di posko', '2025-07-25T20:00:00+07:00'],
      ['Kerja nyata Pak Gubernur KDM, wajib lanjut 2 periode! Coblos lagi ya warga Jabar', '2026-06-01T19:30:00+07:00'],
    ]) {
      const r = await scan(t, { date });
      expect(r.verdict, t).toBe('violation');
      expect(r.findings.flatMap((f) => f.modifiers.map((m) => m.kind)), t).toContain('next_election');
    }
  });

  it('a plan\'s period, a term\'s end, a mention or someone else\'s second term is not the next race', async () => {
    for (const [t, date] of [
      ['Bu Kades terpilih lagi, dua periode nih 😄 semoga makin kompak warga', '2026-03-05T10:00:00+07:00'],
      ['Dukung program Prabowo sampai 2029, makan bergizi buat anak sekolah', '2025-06-05T10:00:00+07:00'],
      ['Penyusunan RPJMD 2025-2029 selaras dengan program Prabowo', '2025-05-20T13:00:00+07:00'],
      ['Ramai wacana Gibran maju capres 2029. Kita mah kerja aja lah, ASN netral 🙏', '2026-09-14T19:00:00+07:00'],
    ]) expect((await scan(t, { date })).verdict, t).not.toBe('violation');
  });
});
