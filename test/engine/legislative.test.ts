// Legislative candidates (caleg DPR, DPD, DPRD): too many for election packs, and a civil servant's own relative is
// the common case. Support for one who is pointed at is a breach; the numbers beside a council are places on a
// party's list, never a pair's ballot number.

import { describe, expect, it } from 'vitest';
import { scan } from '../helpers/engine.js';

const JAN_2024 = '2024-01-25T19:00:00+07:00';
const RULE = 'endorsement.legislative-candidate';

describe('support for a legislative candidate', () => {
  it('is a violation when it points at someone: a relative, a title before a name, a list position, a party', async () => {
    for (const [t, candidate] of [
      ['Mohon doa dan dukungannya untuk kakak saya, H. Udin Saepudin, caleg DPRD Kab. Bandung dapil 3 nomor urut 5. Coblos ya!', null],
      ['Jangan lupa 14 Februari coblos caleg DPRD nomor 2 dapil 1, Bu Nining 🙏', null],
      ['Istri saya nyaleg DPRD dari PAN, nomor urut 1, mohon dukungannya ya rekan2', 'party-2024:12'],
      ['Ayo dukung caleg muda kita, Rizky, DPRD Kota dapil 4 no 7 PKB', 'party-2024:1'],
      ['Coblos No. 3 Gerindra Dapil Jabar 2 untuk DPR RI, Pak Haji Dadang!', 'party-2024:2'],
    ] as const) {
      const r = await scan(t, { date: JAN_2024 });
      expect(r.verdict, t).toBe('violation');
      const f = r.findings.find((x) => x.rule_id === RULE);
      expect(f, t).toBeDefined();
      expect(f!.candidate, t).toBe(candidate);
    }
  });

  it('names no pair, and no other party, by a place on a list', async () => {
    for (const t of [
      'Istri saya nyaleg DPRD dari PAN, nomor urut 1, mohon dukungannya ya rekan2',
      'Coblos No. 3 Gerindra Dapil Jabar 2 untuk DPR RI, Pak Haji Dadang!',
      'Jangan lupa 14 Februari coblos caleg DPRD nomor 2 dapil 1, Bu Nining 🙏',
    ]) {
      const r = await scan(t, { date: JAN_2024 });
      // Before: pair 1 (Anies), pair 3 (Ganjar), Gerindra (party 2) for a position on another list.
      expect(r.findings.filter((f) => f.candidate?.startsWith('pilpres-') || f.candidate === 'party-2024:3'), t).toEqual([]);
      if (!t.includes('Gerindra')) expect(r.findings.filter((f) => f.candidate === 'party-2024:2'), t).toEqual([]);
    }
    // The pair's number stays the pair's where the race is named beside it; the list position is PDIP's, not NasDem's.
    const mixed = await scan('Coblos 02 untuk presiden, caleg DPRD pilih PDIP no 5', { date: JAN_2024 });
    expect(mixed.findings.map((f) => f.candidate)).toContain('pilpres-2024:2');
    expect(mixed.findings.map((f) => f.candidate)).not.toContain('party-2024:5');
    // A pair's number near a council it is not about stays the pair's ("Senayan" is where GBK stands, too).
    for (const t of ['Coblos 02, DPRD coblos Golkar', 'Abis rapat paripurna DPRD langsung ke TPS, coblos 02', 'Kampanye akbar di GBK Senayan, coblos 02!']) {
      expect((await scan(t, { date: '2024-02-10T19:00:00+07:00' })).findings.map((f) => f.candidate), t).toContain('pilpres-2024:2');
    }
    // A party's own number, with the party named, is still its number.
    expect((await scan('Coblos PKS nomor 8 untuk DPRD!', { date: JAN_2024 })).findings.map((f) => f.candidate)).toContain('party-2024:8');
  });

  it('is no finding when it points at nobody, when it is advice, or the work of a sitting council', async () => {
    for (const t of [
      'Pilih caleg yang jujur, cek rekam jejaknya di infopemilu.kpu.go.id sebelum ke TPS',
      'Bapak ibu, pilih caleg yang amanah ya, jangan yang bagi-bagi amplop',
      'Pak Camat mengajak warga memilih anggota DPRD yang berkualitas, jangan golput',
      'Warga dapil 3 memilih langsung anggota DPRD',
      'Suami saya nyaleg, tapi saya tetap netral sebagai ASN, tidak ikut kampanye',
      'ASN dilarang mendukung caleg manapun, termasuk keluarga sendiri',
      'Rapat dengar pendapat dengan Komisi C DPRD, Pak Ketua mendukung usulan anggaran sekolah',
      'Terima kasih Ibu Hj. Euis, anggota DPRD dapil 3 yang dipilih rakyat, atas dukungan perbaikan jalan desa kami',
    ]) {
      const r = await scan(t, { date: JAN_2024 });
      expect(r.findings.filter((f) => f.rule_id === RULE), t).toEqual([]);
      expect(r.verdict, t).not.toBe('violation');
    }
  });
});

describe('a legislative candidate promoted as campaign material does', () => {
  it('is a violation: council, list place and party or relative, even with the call in another sentence', async () => {
    for (const [t, candidate] of [
      ['Om aku nyaleg lewat PKN, nomor urut 2, DPRD Kab. Sleman dapil 6. Yuk bantu, biar ada suara anak muda di dewan!', 'party-2024:9'],
      ['Alhamdulillah, hari ini Bapak saya resmi tercantum di DCT DPRD Kab. Sumedang dapil 3 dari PPP nomor urut 1. Mohon doa restu dan dukungannya', 'party-2024:17'],
    ] as const) {
      const r = await scan(t, { date: JAN_2024 });
      expect(r.verdict, t).toBe('violation');
      expect(r.findings.map((f) => f.candidate), t).toContain(candidate);
      expect(r.findings.map((f) => f.candidate), t).not.toContain('party-2024:2');
    }
  });

  it('names another party by its number only where the post names no party', async () => {
    // "nomor 4" is the caleg's place on PKB's list, not Golkar (party 4).
    const r = await scan('Coblos partaina atawa coblos Kang Ujang Sobari nomor 4, sami wae asup ka PKB', { date: JAN_2024 });
    expect(r.findings.map((f) => f.candidate)).not.toContain('party-2024:4');
  });

  it('reads "don\'t forget" in Javanese and Sundanese as a reminder, not a prohibition', async () => {
    const r = await scan('Dulur-dulur, ojo lali tanggal 14 coblos nomer loro. Pak Prabowo karo Mas Gibran', { date: '2024-02-10T19:00:00+07:00' });
    expect(r.findings.find((f) => f.rule_id === 'endorsement.vote-call')?.stance).toBe('support');
  });
});

describe('the period of an abbreviation', () => {
  it('ends no sentence: a title before a name, an address, "No." before a number', async () => {
    // "Coblos no. III, Bu R*sma" was two sentences, "coblos no" and "III …": a mention, not a call.
    const r = await scan('Jatim butuh wong sing wani. Coblos no. III, Bu R*sma & Gus H*ns. Share yo lur!', { date: '2024-11-20T19:00:00+07:00' });
    expect(r.findings.map((f) => [f.rule_id, f.candidate])).toContainEqual(['endorsement.vote-call', 'pilkada-jatim-2024:3']);
    // A sentence still ends at its own period.
    const two = await scan('Rapat di kantor sampai sore. Coblos-coblosan OSIS besok', { date: JAN_2024 });
    expect(two.verdict).toBe('clean');
  });
});
