// Cases from fixtures/adversarial that the engine got wrong, one per fix: innocent posts that were accused and
// violations that were missed. Each states the post the way an analyst would meet it.

import { describe, expect, it } from 'vitest';
import { scan } from '../helpers/engine.js';

const JAN_2024 = '2024-01-31T16:00:00+07:00';

describe('innocent posts that look like support', () => {
  it('"kawan2" is kawan-kawan, not the ballot number 2 next to a slogan word', async () => {
    const r = await scan('Alhamdulillah SK PPPK sudah keluar. Lanjutkan perjuangan, kawan2 honorer! 💪', { date: JAN_2024 });
    expect(r.verdict).toBe('clean');
    // A 2 after a word rules write before numbers is still the number.
    expect((await scan('Jangan lupa coblos paslon2 ya', { date: JAN_2024 })).findings[0]?.candidate).toBe('pilpres-2024:2');
  });

  it('office acronyms are not parties: PKS = perjanjian kerja sama, PKB = pajak kendaraan, PPP = KPBU', async () => {
    for (const t of ['Mohon dukungan percepatan draft PKS dengan RSUD', 'Penandatanganan PKS dengan BPJS lanjut tahun depan 👍', 'Bayar PKB motor di Samsat keliling', 'Skema KPBU/PPP dukung percepatan pembangunan SPAM'])
      expect((await scan(t, { date: JAN_2024 })).verdict, t).toBe('clean');
    // The party itself, in another sentence of the same post, is still the party.
    expect((await scan('Bayar pajak dulu. Dukung PKB!', { date: JAN_2024 })).verdict).toBe('violation');
  });

  it('a slogan in a post naming every pair compares them: review, not an accusation', async () => {
    const r = await scan('(parodi) kalau capres jadi chef: Anies masak rendang, Prabowo joget sambil goreng tempe, Ganjar sat set cuci piring 🤣', { date: '2024-01-21T20:00:00+07:00' });
    expect(r.verdict).toBe('review');
    expect(r.findings.find((f) => f.category === 'campaign_slogan')?.modifiers.map((m) => m.kind)).toContain('several_pairs');
    // The poster's own stance in the sentence keeps it a violation.
    expect((await scan('Anies pintar, Prabowo tegas, tapi aku pilih yg sat set 🤟 Ganjar!', { date: '2024-01-21T20:00:00+07:00' })).verdict).toBe('violation');
  });

  it('a slogan word and a finger sign alone are a baby or a cat, not a pair: review, not violation', async () => {
    for (const t of ['Kucingku gemoy bgt ✌️😹', 'Gemoy banget bayi Oktavia, pipinya tembem! Pose ✌️ dulu sebelum berangkat liburan']) {
      const r = await scan(t, { date: JAN_2024 });
      expect(r.verdict, t).toBe('review');
      expect(r.findings[0].modifiers.map((m) => m.kind), t).toContain('slogan_and_sign');
    }
    // A number, or a word of the vote, still makes it a call.
    expect((await scan('kode keras 🤫 aku sih yg gemoy gemoy aja 2️⃣', { date: JAN_2024 })).verdict).toBe('violation');
    expect((await scan('Ayo ke TPS tanggal 14, saatnya perubahan ☝️', { date: '2024-02-10T08:00:00+07:00' })).verdict).toBe('violation');
    expect((await scan('Pilpres nanti yg gemoy aja ✌️', { date: JAN_2024 })).verdict).toBe('violation');
  });

  it('a slogan word in voter education favours nobody, unless the post points at its pair otherwise', async () => {
    const notice = 'INFO: perubahan jadwal pelayanan KTP-el selama masa tenang pemilu. Tgl 14 Februari kantor tutup, silakan gunakan hak pilih di TPS.';
    expect((await scan(notice, { date: '2024-02-09T08:00:00+07:00' })).verdict).toBe('clean');
    // The pair's gesture elsewhere in the post keeps the slogan its own, even next to a debate (an education cue).
    expect((await scan('gak usah debat lg, aku mah ☝️ aja. Pokoknya perubahan harga mati buat paslon kita', { date: '2024-01-08T20:00:00+07:00' })).verdict).toBe('violation');
  });

  it('"jangan pilih" a named party is an attack on it, as for a pair: stance against', async () => {
    const r = await scan('Jangan pilih PDIP, isinya petugas partai semua 😒', { date: '2024-01-29T13:40:00+07:00' });
    expect(r.verdict).toBe('violation');
    const f = r.findings.find((x) => x.category === 'party_support')!;
    expect(f.candidate).toBe('party-2024:3');
    expect(f.stance).toBe('against');
  });

  it('"jangan golput, coblos X" is a call for X, not an attack on it', async () => {
    for (const [t, cand] of [['Anak muda jangan golput, coblos 02 ya!', 'pilpres-2024:2'], ['Jangan golput, coblos PSI nomor 15!', 'party-2024:15']]) {
      const r = await scan(t, { date: '2024-02-10T10:00:00+07:00' });
      expect(r.verdict, t).toBe('violation');
      expect(r.findings.filter((f) => f.candidate === cand).map((f) => f.stance), t).not.toContain('against');
    }
    // A prohibition that names the pair stays an attack.
    expect((await scan('Jangan pilih 02, demokrasi taruhannya', { date: '2024-02-10T10:00:00+07:00' })).findings[0].stance).toBe('against');
  });
});
