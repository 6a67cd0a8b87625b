import { describe, expect, it } from 'vitest';
import { scan, shippedScanner, post } from '../helpers/engine.js';

const JAN_2024 = '2024-01-20T10:00:00+07:00';
const OCT_2024 = '2024-10-20T10:00:00+07:00';
const NOV_2024 = '2024-11-10T10:00:00+07:00';

describe('violations are found, with candidate and evidence', () => {
  it('a call to vote for a ballot number, attributed by date', async () => {
    const r = await scan('Ayo coblos 02 tanggal 14 nanti! ✌️', { date: JAN_2024 });
    expect(r.verdict).toBe('violation');
    const f = r.findings.find((x) => x.rule_id === 'endorsement.vote-call')!;
    expect(f.candidate).toBe('pilpres-2024:2');
    expect(f.matched).toBe('coblos 02');
    expect(f.severity).toBe('high');
    expect(f.legal_basis).toMatch(/SKB 2022/);
    expect(f.spans).toEqual([{ field: 'text', start: 4, end: 13 }]);
  });

  it('the evidence is the strongest reference: the full name, not its first word that is also an alias', async () => {
    const r = await scan('Pilgub Jabar: Dedi Mulyadi kunjungi pasar Kosambi pagi ini', { date: OCT_2024 });
    const f = r.findings.find((x) => x.rule_id === 'candidate_mention.named')!;
    expect(f.candidate).toBe('pilkada-jabar-2024:4');
    expect(f.matched).toBe('Dedi Mulyadi');
  });

  it('the evidence is the first match naming the candidate: a stronger one elsewhere (a hashtag) does not replace it', async () => {
    const r = await scan('Ayo coblos 02 Prabowo-Gibran!', { date: JAN_2024, hashtags: ['Coblos02'] });
    const f = r.findings.find((x) => x.rule_id === 'endorsement.vote-call')!;
    expect(f.matched).toBe('coblos 02');
    expect(f.spans[0].field).toBe('text');
  });

  it('the same number means another pair in another race: the date decides', async () => {
    const r = await scan('Ayo coblos 02!', { date: '2017-02-01T10:00:00+07:00' });
    expect(r.findings[0].candidate).toBe('pilkada-dki-2017:2');
  });

  it('names beat numbers: "02" next to Gibran in Pilkada season is still the pilpres pair, with lower confidence', async () => {
    const r = await scan('Tetap dukung Gibran 02', { date: '2024-03-01T10:00:00+07:00' });
    expect(r.findings.map((f) => f.candidate)).toContain('pilpres-2024:2');
  });

  it('obfuscated spellings are still read', async () => {
    const r = await scan('c0bl0s n0m3r 1 ya gaes ☝🏻 #aniesmuhaimin', { date: JAN_2024 });
    expect(r.verdict).toBe('violation');
    expect(r.findings.every((f) => f.candidate === 'pilpres-2024:1')).toBe(true);
  });

  it('a repost of a candidate account, including "RT @x:" text', async () => {
    const r = await scan('RT @ganjarpranowo: Terima kasih relawan!', { repost_of: 'ganjarpranowo', date: JAN_2024 });
    expect(r.findings.map((f) => f.rule_id)).toContain('repost.candidate-account');
    expect(r.findings.find((f) => f.rule_id === 'repost.candidate-account')!.candidate).toBe('pilpres-2024:3');
  });

  it('support shown only in an image (media_text) is found, and says so', async () => {
    const r = await scan('Pasang twibbon dulu 💚', { date: OCT_2024, media_text: ["Twibbon bertuliskan 'SAYA DUKUNG ASIH — SYAIKHU ILHAM No. 3'"] });
    const f = r.findings.find((x) => x.rule_id === 'endorsement.support-near-candidate')!;
    expect(f.candidate).toBe('pilkada-jabar-2024:3');
    expect(f.spans[0].field).toBe('media_text');
    expect(f.evidence.startsWith('[media] ')).toBe(true);
  });

  it('a match in the text and an image shows an excerpt of each, labelled', async () => {
    const media = 'Foto puluhan orang berkaos hitam bertuliskan GANJAR MAHFUD di balai warga';
    const r = await scan('Konsolidasi relawan Ganjar–Mahfud tingkat desa, alhamdulillah rame. Urang menangkeun nomer tilu di Sukamaju! 🤟🔥', { date: JAN_2024, media_text: [media] });
    const f = r.findings.find((x) => new Set(x.spans.map((s) => s.field)).size === 2)!;
    expect(f, JSON.stringify(r.findings.map((x) => x.spans))).toBeDefined();
    expect(f.evidence).toMatch(/^Konsolidasi relawan Ganjar–Mahfud .*… \| \[media\] Foto puluhan orang berkaos hitam bertuliskan GANJAR MAHFUD di balai warga$/);
  });

  it('ballot numbers said in Madurese, Batak and other regional languages are read like "nomor dua"', async () => {
    const madura = await scan("Bu Khofifah la kabukte, Cong! Nomer duwa' pole, ja' lopa! 🙏", { date: NOV_2024 });
    expect(madura.verdict).toBe('violation');
    expect(madura.findings.find((f) => f.rule_id === 'endorsement.name-with-number')?.candidate).toBe('pilkada-jatim-2024:2');
    const batak = await scan('Horas lae, au nungga mantap: nomor tolu do pilihan ni rohakku. Ganjar-Mahfud memang mantap!', { date: JAN_2024 });
    expect(batak.verdict).toBe('violation');
    expect(batak.findings.map((f) => f.candidate)).toContain('pilpres-2024:3');
    // Bugis and Acehnese "three", after a vote verb.
    for (const text of ['Pilgub Jatim coblos nomor tellu', 'Pilpres pilih nomor lhee']) expect((await scan(text, { date: text.includes('Jatim') ? NOV_2024 : JAN_2024 })).verdict, text).toBe('violation');
    // Every regional word the README names for one to four, in the race with four pairs.
    const words: [string, number][] = [
      ['sada', 1], ['besik', 1], ['duwa', 2], ['tolu', 3], ['tellu', 3], ['tallu', 3], ['talu', 3], ['lhee', 3],
      ['empa', 4], ['eppa', 4], ['appa', 4], ['peuet', 4],
    ];
    for (const [w, n] of words) {
      const r = await scan(`Pilgub Jabar pilih nomor ${w}`, { date: NOV_2024 });
      expect(r.findings.map((f) => f.candidate), w).toContain(`pilkada-jabar-2024:${n}`);
    }
  });

  it("an inspectorate's note listing disguised names is no call and no attack: its 'kami' is the office's", async () => {
    const note = "Catatan patroli siber minggu ini untuk teman2 ASN. Kami menemukan pola baru: nama calon ditulis berspasi (p r a b o w o), pakai titik (a.n.i.e.s), angka pengganti huruf (g4nj4r, c0bl0s), dibalik (nimA). Kalau ragu, jangan posting. 🙏🏻";
    expect((await scan(note, { date: JAN_2024 })).verdict).not.toBe('violation');
    // The 2019 slogan's verb still attacks.
    expect((await scan('Pokoknya ganti Prabowo, titik.', { date: JAN_2024 })).findings.some((f) => f.stance === 'against')).toBe(true);
  });

  it('a quote that asks a candidate something is for review; agreeing with it is sharing', async () => {
    const card = ["Kartu kutipan dari @ganjarpranowo: 'Kami akan memperhatikan kesejahteraan ASN dan tenaga honorer.'"];
    const asked = await scan('Pak, mohon dijawab juga soal nasib PPPK paruh waktu dan tunjangan daerah.', { date: JAN_2024, kind: 'quote', repost_of: 'ganjarpranowo', media_text: card });
    expect(asked.verdict).toBe('review');
    expect(asked.findings[0].modifiers.find((m) => m.kind === 'quote_question')?.cue).toBe('mohon dijawab');
    const challenged = await scan('Katanya makan siang gratis, duitnya dari mana?', { date: JAN_2024, kind: 'quote', repost_of: 'Gerindra' });
    expect(challenged.verdict).toBe('review');
    expect((await scan('Setuju pak! Kapan ke Solo lagi?', { date: JAN_2024, kind: 'quote', repost_of: 'ganjarpranowo', media_text: card })).verdict).toBe('violation');
    // A plain repost asks nothing, whatever its text.
    expect((await scan('Apa kabar Solo?', { date: JAN_2024, kind: 'repost', repost_of: 'ganjarpranowo' })).verdict).toBe('violation');
  });

  it('campaign clothes worn by other people in a photo are theirs; a volunteer group and a Sundanese call are read', async () => {
    const posyandu = await scan('Posyandu bulan ini lancar, 38 balita ditimbang 👶🏻💕', { date: NOV_2024, media_text: ["Foto kader posyandu menimbang balita; dua kader memakai kaos bergambar 'Khofifah-Emil'"] });
    expect(posyandu.verdict).toBe('review');
    expect(posyandu.findings.find((f) => f.category === 'campaign_activity')?.modifiers.map((m) => m.kind)).toContain('someone_else');
    const sedulur = await scan('Monggo sedulur sing purun gabung, grup koordinasi Sedulur Ganjar Kecamatan Wedi. Kita kawal sampai menang 🤟🔥', { date: JAN_2024 });
    expect(sedulur.findings.some((f) => f.candidate === 'pilpres-2024:3')).toBe(true);
    // "urang" is the poster: a call in the caption of a shared news link stays the poster's call.
    const sunda = await scan('Kang Dedi mah beda, ngurus Purwakarta ge kabukti. Jabar butuh nu kieu, 27 Nopember urang pilih nomer 4!', { date: NOV_2024, links: ['https://www.detik.com/jabar/pilkada/d-123/debat-dedi-mulyadi'] });
    expect(sunda.verdict).toBe('violation');
    expect((await scan('a.n.i.e.s for president. titik.', { date: JAN_2024 })).verdict).toBe('violation');
    expect((await scan('Pemuda Karang Taruna jadi relawan angkut lansia ke TPS 🧓🏻 salut', { date: JAN_2024 })).findings).toEqual([]);
  });

  it("a party's bare number names it only around its vote, unless the post names the party", async () => {
    const menu = await scan('Dua tahun lalu kita nyoblos capres. Sekarang kita nyoblos menu makan siang kantin 😂 Pilih nomor 2: soto betawi.', { date: '2026-02-14T20:00:00+07:00' });
    expect(menu.findings.some((f) => f.candidate?.startsWith('party-2024:'))).toBe(false);
    expect(menu.verdict).not.toBe('violation');
    // Named, the number is the party's at any date; in its campaign, a bare number may be the party's.
    const named = await scan('May Day tahun ini kita buktikan: coblos Partai Buruh nomor 6 ✊', { date: '2023-05-01T10:00:00+07:00' });
    expect(named.findings.some((f) => f.candidate === 'party-2024:6')).toBe(true);
  });

  it("the poster's own name, declared, is the poster wherever it stands: 'Nama saya Amin' is not the AMIN pair", async () => {
    const r = await scan("Nama saya Amin. Dari Desember HP saya rame ditag 'AMIN menang' sama temen2 iseng 🙄 tolong jangan bawa2 nama saya ke kampanye.", { date: JAN_2024 });
    expect(r.findings).toEqual([]);
    expect((await scan('Pilihan saya AMIN ☝️ menang satu putaran', { date: JAN_2024 })).verdict).toBe('violation');
  });

  it('joining a camp by its number ("merapat ke 3") is support; "merapat ke 3 titik" counts places', async () => {
    const r = await scan('Anak Abah merapat ke 3! Jakarta harus tetap waras 💪🏽 Pram–Doel!', { date: NOV_2024 });
    expect(r.verdict).toBe('violation');
    expect(r.findings.find((f) => f.category === 'endorsement')?.candidate).toBe('pilkada-dki-2024:3');
    for (const text of ['Warga merapat ke 3 titik pengungsian', 'Peserta diminta merapat ke 3 meja pendaftaran']) expect((await scan(text, { date: NOV_2024 })).findings, text).toEqual([]);
  });

  it('a name with a title beside a prayer is the person; a bare alias beside a prayer is the prayer', async () => {
    // "Kang Dedi" needs a cue of its race: here its number. The prayer emoji after it does not make it a prayer.
    const dedi = await scan('Ulah hilap tanggal 27 November, nomer 4, Kang Dedi! 🙏🏽', { date: NOV_2024 });
    expect(dedi.verdict).toBe('violation');
    expect(dedi.findings.find((f) => f.rule_id === 'endorsement.name-with-number')?.matched).toBe('nomer 4, Kang Dedi');
    const hendi = await scan('Bismillah Mas Hendi harga mati ☝️ #AndikaHendi', { date: NOV_2024 });
    expect(hendi.findings.some((f) => f.rule_id === 'endorsement.vote-call' && f.candidate === 'pilkada-jateng-2024:1')).toBe(true);
    // A bare "amin" by a prayer, with a number of something else, stays the prayer; so does "doa bersama amin".
    for (const text of ['Semoga lulus ujian nomor 1 ya nak, amin 🙏', 'Doa bersama amin 🙏 nomor 1 di kelas'])
      expect((await scan(text, { date: JAN_2024 })).findings, text).toEqual([]);
  });

  it('attacks are partisan: stance against, attributed to the attacked pair', async () => {
    const r = await scan('Jangan pilih 02, ga menghargai rakyat kecil', { date: JAN_2024 });
    expect(r.verdict).toBe('violation');
    const f = r.findings.find((x) => x.rule_id === 'endorsement.support-near-candidate')!;
    expect(f.stance).toBe('against');
    expect(f.candidate).toBe('pilpres-2024:2');
    expect(f.modifiers.map((m) => m.kind)).toContain('attack');
  });

  it('"jangan pilih 01, coblos 02": the vote word after the comma is a call for 02, not for the 01 before it', async () => {
    const r = await scan('Jangan pilih 01, coblos 02!', { date: JAN_2024 });
    const sides = r.findings.map((f) => `${f.candidate} ${f.stance}`).sort();
    expect(sides).toEqual(['pilpres-2024:1 against', 'pilpres-2024:2 support']);
    expect(r.findings.find((f) => f.stance === 'support')!.matched).toBe('coblos 02');
  });

  it('one rule matching an attack and a call is two findings, one per side; support for two pairs alike stays one without a candidate', async () => {
    const r = await scan('Jangan pilih Anies, pilih Prabowo aja', { date: JAN_2024 });
    const sides = r.findings.filter((f) => f.rule_id === 'endorsement.support-near-candidate').map((f) => `${f.candidate} ${f.stance} ${f.matched}`).sort();
    expect(sides).toEqual(['pilpres-2024:1 against pilih Anies', 'pilpres-2024:2 support pilih Prabowo']);
    const both = await scan('Dukung Anies atau dukung Prabowo, terserah, yang penting jangan golput', { date: JAN_2024 });
    expect(both.findings.filter((f) => f.candidate !== null)).toEqual([]);
  });

  it('a "do not" reaches past a comma when nothing was forbidden before it: "dilarang keras: pilih 02" stays an attack', async () => {
    const r = await scan('Dilarang keras: pilih 02', { date: JAN_2024 });
    expect(r.findings.map((f) => f.stance)).toEqual(['against']);
    const s = await scan('Jangan sampai salah, coblos 02', { date: JAN_2024 });
    expect(s.findings.map((f) => `${f.candidate} ${f.stance}`)).toEqual(['pilpres-2024:2 support']);
  });

  it('a negated vote in Javanese krama or Sundanese is a stance against the pair, not support', async () => {
    for (const text of ['Pilgub Jateng: kulo mboten milih Luthfi-Yasin', 'Pilgub Jabar: abdi moal milih Dedi Mulyadi']) {
      const r = await scan(text, { date: '2024-11-20T10:00:00+07:00' });
      const f = r.findings.find((x) => x.rule_id === 'endorsement.support-near-candidate');
      expect(f?.stance, text).toBe('against');
    }
  });

  it('a negation belongs to what follows it: "asal bukan Ganjar, pokoknya coblos 2" backs 02 and attacks 03 only', async () => {
    const r = await scan('Asal bukan Ganjar, pokoknya c o b l o s 2 #PrabowoGibran2024', { date: JAN_2024 });
    const on02 = r.findings.filter((x) => x.candidate === 'pilpres-2024:2');
    expect(on02.length).toBeGreaterThan(0);
    expect(on02.map((x) => `${x.rule_id}:${x.stance}`).filter((x) => x.endsWith(':against'))).toEqual([]);
    expect(r.findings.find((x) => x.candidate === 'pilpres-2024:3')?.stance).toBe('against');
    // The negation right before the vote word still turns it.
    const neg = await scan('Pilpres 2024: aku ora milih nomer 2', { date: JAN_2024 });
    expect(neg.findings.find((x) => x.candidate === 'pilpres-2024:2')?.stance).toBe('against');
  });

  it('a number in a link is its path (a date, an id), never a ballot number', async () => {
    for (const link of ['https://blogku.net/read/2024/02/05/prabowo-meninjau', 'https://www.kompas.com/2025/01/02/prabowo-resmikan']) {
      const r = await scan('Prabowo meninjau sekolah', { date: JAN_2024, links: [link] });
      expect(r.verdict, link).toBe('review');
      expect(r.findings.map((f) => f.rule_id), link).toEqual(['candidate_mention.named']);
    }
    // In the text, the same number next to the name still counts.
    expect((await scan('Prabowo 02 meninjau sekolah', { date: JAN_2024 })).verdict).toBe('violation');
  });

  it('"no choice but" a pair is support, though it starts with a negation', async () => {
    for (const text of ['Tidak ada pilihan lain selain Prabowo-Gibran', 'Ora ono pilihan liyane kejaba Mas Gibran']) {
      const r = await scan(text, { date: JAN_2024 });
      const f = r.findings.find((x) => x.rule_id === 'endorsement.support-near-candidate');
      expect(f?.candidate, text).toBe('pilpres-2024:2');
      expect(f?.stance, text).toBe('support');
    }
  });

  it('party membership is a violation at any date', async () => {
    const r = await scan('Bangga jadi kader PDI Perjuangan 🐂', { date: '2026-06-01T10:00:00+07:00' });
    expect(r.verdict).toBe('violation');
    expect(r.findings[0]).toMatchObject({ category: 'party_support', candidate: 'party-2024:3' });
  });
});

describe('ordinary posts stay clean (the traps of the domain brief)', () => {
  it.each([
    ['neutrality reminder', 'ASN dilarang mendukung salah satu paslon dan jangan ikut kampanye. Jaga netralitas!'],
    ['circular', 'Imbauan: ASN wajib netral, tidak boleh foto dengan paslon 01, 02, maupun 03 sambil berpose jari.'],
    ['voter education', 'Ayo ke TPS 14 Februari, cek DPT kamu dan gunakan hak pilihmu. Jangan golput!'],
    ['debate schedule naming every pair', 'Jadwal debat capres malam ini: Anies, Prabowo, Ganjar. Nonton bareng di balai desa.'],
    ['dukung with a non-political object', 'Dukung UMKM lokal dan timnas Indonesia! Persib juara!'],
    ['pilih a menu', 'Pilih menu nomor 2 aja, nasi goreng spesial'],
    ['prayer amin', 'Semoga sehat selalu ya Allah, aamiin. AMIN!!! 🙏'],
    ['peace sign', 'Liburan bareng keluarga ✌️😎'],
    ['numbers in daily life', 'Juara 2 lomba 17an, rapat di lantai 3, nomor antrian 1'],
    ['slogan as an ordinary word', 'Perubahan jadwal apel pagi, lanjutkan pekerjaan masing-masing'],
    ['Indonesia Maju after the inauguration', 'Program Asta Cita dan Indonesia Maju dibahas di rapat kerja dinas'],
    ['a namesake', 'Pak Prabowo Sutrisno, kepala sekolah kami, purna tugas hari ini. Terima kasih Pak!'],
    ['school election', 'Anak gw nyalon ketua OSIS nomor urut 3, coblos 3 di sekolah ya wkwk'],
  ])('%s', async (_name, text) => {
    const r = await scan(text, { date: text.includes('Asta Cita') ? '2025-03-01T09:00:00+07:00' : JAN_2024 });
    expect(r.findings.filter((f) => f.category !== 'candidate_mention')).toEqual([]);
    expect(r.verdict).not.toBe('violation');
  });

  it('a neutral news share is at most a mention (review)', async () => {
    const r = await scan('Prabowo kampanye di Jawa Barat, janjikan makan siang gratis', { repost_of: 'kompascom', date: JAN_2024 });
    expect(r.verdict).toBe('review');
    expect(r.findings.map((f) => f.category)).toEqual(['candidate_mention']);
    expect(r.suppressed.length).toBeGreaterThanOrEqual(0);
  });

  it('a news link with a supportive caption is still support', async () => {
    const r = await scan('Mantap! Makin yakin 02 menang ✌️', { links: ['https://news.detik.com/pemilu/d-1'], date: JAN_2024 });
    expect(r.verdict).toBe('violation');
  });

  it('the neutrality reminder followed by "tapi" support is support', async () => {
    const r = await scan('ASN harus netral katanya, tapi gw tetep dukung Prabowo-Gibran ✌️', { date: JAN_2024 });
    expect(r.verdict).toBe('violation');
  });

  it('an event offices hold too is no campaign without a candidate, party or election in the post', async () => {
    const office = await scan('Mohon kehadiran seluruh pegawai pada jalan sehat HUT Korpri hari Minggu', { date: JAN_2024 });
    expect(office.findings).toEqual([]);
    expect(office.suppressed.some((f) => f.modifiers.some((m) => m.kind === 'generic_event' && m.cue === 'jalan sehat'))).toBe(true);
    const pair = await scan('Mohon kehadiran seluruh guru pada jalan sehat bersama Andika-Hendi hari Minggu', { date: '2024-11-10T08:00:00+07:00' });
    expect(pair.findings.map((f) => `${f.rule_id} ${f.candidate}`)).toContain('campaign_activity.mobilise pilkada-jateng-2024:1');
  });

  it('a public health campaign ("kampanye imunisasi") is no election campaign; "kampanye akbar" is', async () => {
    expect((await scan('Saya ikut kampanye imunisasi MR di posyandu', { date: JAN_2024 })).findings).toEqual([]);
    const r = await scan('Saya ikut kampanye akbar di GBK', { date: JAN_2024 });
    expect(r.findings.map((f) => f.rule_id)).toEqual(['campaign_activity.first-person']);
  });

  it('a short shout above a news link is the poster\'s own; a headline or a quoted cry is the news', async () => {
    const link = { links: ['https://news.detik.com/pemilu/d-7154321/prabowo-kampanye-di-gbk'], date: JAN_2024 };
    const own = await scan('Coblos 02! https://news.detik.com/pemilu/d-7154321/prabowo-kampanye-di-gbk', link);
    expect(own.findings.map((f) => `${f.rule_id} ${f.candidate}`)).toEqual(['endorsement.vote-call pilpres-2024:2']);
    for (const text of ["'Coblos 02!', teriak massa di GBK", 'Coblos 02 kata relawan di GBK', 'Dukung Prabowo-Gibran, Projo Resmi Deklarasi di Bandung!']) {
      const r = await scan(`${text} https://news.detik.com/pemilu/d-7154321/x`, link);
      expect(r.findings.filter((f) => f.category !== 'candidate_mention'), text).toEqual([]);
    }
  });

  it('a slogan in a sentence about every pair compares them: review, not a violation', async () => {
    const r = await scan('Di kelas: ketiga paslon sama2 pakai narasi keberlanjutan vs perubahan dgn dosis beda. Tugas mahasiswa: petakan programnya', { date: JAN_2024 });
    expect(r.verdict).toBe('review');
    expect(r.findings.every((f) => f.modifiers.some((m) => m.kind === 'several_pairs'))).toBe(true);
  });

  it('a campaign attribute seen, or a neighbour\'s, is for review; one the poster puts up, or is pictured in, is a violation', async () => {
    const kind = (r: Awaited<ReturnType<typeof scan>>) => r.findings.find((f) => f.category === 'campaign_activity')?.modifiers.map((m) => m.kind) ?? [];
    const seen = await scan('Liat baliho Bu Khofifah di depan kantor kok senyumnya mirip ibuku 😂', { date: NOV_2024 });
    expect(seen.verdict).toBe('review');
    expect(kind(seen)).toContain('seen_only');
    const theirs = await scan('Tetangga sebelah nempel stiker Luluk–Lukman di pintu, anakku takon iku sopo 😂', { date: NOV_2024 });
    expect(theirs.verdict).toBe('review');
    expect(kind(theirs)).toContain('someone_else');
    for (const text of ['Saya dan tetangga pasang stiker Luluk–Lukman di pintu', 'Pasang baliho Bu Khofifah di depan rumah 💪', 'Foto bersama teman-teman memakai kaos Luluk–Lukman']) {
      const r = await scan(text, { date: NOV_2024 });
      expect(r.verdict, text).toBe('violation');
      expect(kind(r), text).toEqual([]);
    }
  });

  it('a campaign attribute in the background of a photo is for review; a gesture in the same photo still counts', async () => {
    const JAN = '2024-01-12T07:20:00+07:00';
    for (const media of [
      'Carousel: pantai, kucing; slide 5: pemilik akun tersenyum di pinggir jalan dengan baliho besar Ganjar–Mahfud tepat di belakangnya',
      'Swafoto penulis di acara deklarasi damai, latar baliho Ganjar–Mahfud',
      'Foto penulis bersama anaknya di depan baliho Ganjar–Mahfud',
    ]) {
      const r = await scan('Photo dump Januari 📸✨', { date: JAN, media_text: [media] });
      expect(r.verdict, media).toBe('review');
      expect(r.findings.find((f) => f.category === 'campaign_activity')?.modifiers.map((m) => m.kind), media).toContain('seen_only');
    }
    const pose = await scan('Photo dump Januari 📸✨', { date: JAN, media_text: ['Foto penulis di depan baliho Ganjar–Mahfud, berpose tiga jari'] });
    expect(pose.verdict).toBe('violation');
  });

  it("a campaign's post named as a landmark is no taking part; going there, or calling others there, is", async () => {
    const found = await scan('DITEMUKAN kunci motor di depan posko pemenangan paslon 3 dekat perempatan. Saya titip di pos satpam kecamatan.', { date: NOV_2024 });
    expect(found.findings).toEqual([]);
    expect(found.suppressed.some((f) => f.modifiers.some((m) => m.kind === 'landmark' && m.cue === 'di depan'))).toBe(true);
    const named = await scan('Kunci motor ketemu di depan posko pemenangan Luluk–Lukman', { date: NOV_2024 });
    expect(named.findings.map((f) => f.category)).toEqual(['candidate_mention']);
    for (const text of ['Besok kita kumpul di depan posko pemenangan Luluk–Lukman jam 8 ya', 'Saya jaga di depan posko pemenangan Luluk–Lukman sampai malam']) {
      expect((await scan(text, { date: NOV_2024 })).verdict, text).toBe('violation');
    }
  });

  it('a match naming candidates of several races that settles on none, with no word of support, explains: review', async () => {
    const text = 'Lucu juga ya, nomor 3 di Jakarta itu Pramono–Rano, nomor 3 di Jatim Risma–Gus Hans, di Jabar ASIH. Jadi kalau ada yang pose tiga jari, tanya dulu KTP-nya mana 😂';
    const r = await scan(text, { date: NOV_2024 });
    expect(r.verdict).toBe('review');
    expect(r.findings.every((f) => f.candidate === null && f.modifiers.some((m) => m.kind === 'several_pairs'))).toBe(true);
    // With a word of support it is a call, whichever race is meant.
    expect((await scan('Pokoknya coblos nomor 3, Pramono–Rano atau Risma–Gus Hans sama aja 🤟', { date: NOV_2024 })).verdict).toBe('violation');
  });

  it('a hoax the post refutes is not the poster\'s call; the poster\'s own words beside it still count', async () => {
    const FEB_2024 = '2024-02-05T19:00:00+07:00';
    const hoax = await scan('[HOAKS] Beredar: "Surat suara sudah dicoblos di Malaysia untuk paslon 02". Sudah dicek, videonya lama 🙏', { date: FEB_2024 });
    expect(hoax.findings).toEqual([]);
    expect(hoax.suppressed.some((f) => f.modifiers.some((m) => m.kind === 'debunk' && m.cue === 'HOAKS'))).toBe(true);
    const own = await scan('Itu hoaks! pokoknya coblos 02 "biar menang" 💪', { date: FEB_2024 });
    expect(own.findings.map((f) => `${f.rule_id} ${f.candidate}`)).toContain('endorsement.vote-call pilpres-2024:2');
  });

  it('cheering the count from the voting day on is for review; a wish, the team\'s voice or the campaign\'s hashtag is not', async () => {
    const cheer = await scan('Bu Khofifah menang lagi, alhamdulillah 🙏💚', { date: '2024-11-27T18:10:00+07:00' });
    expect(cheer.verdict).toBe('review');
    expect(cheer.findings[0].modifiers.find((m) => m.kind === 'after_vote')?.cue).toBe('menang');
    for (const [text, date] of [
      ['Bu Khofifah menang!', '2024-11-20T08:00:00+07:00'],
      ['Semoga Bu Khofifah menang hari ini 🙏', '2024-11-27T08:10:00+07:00'],
      ['Alhamdulillah kita menang, Bu Khofifah!', '2024-11-28T08:00:00+07:00'],
    ]) {
      const r = await scan(text, { date });
      expect(r.verdict, text).toBe('violation');
      expect(r.findings.some((f) => f.modifiers.some((m) => m.kind === 'after_vote')), text).toBe(false);
    }
  });

  it('a slogan quoted as what is going around is for review, unless the poster also says it unquoted', async () => {
    const FEB_2024 = '2024-02-01T08:00:00+07:00';
    const named = await scan("Lagi rame 'salam 4 jari', saya cuma tau 4 sehat 5 sempurna 🙃", { date: FEB_2024 });
    expect(named.verdict).toBe('review');
    expect(named.findings[0].modifiers.find((m) => m.kind === 'quoted_trend')?.cue).toBe('Lagi rame');
    const taken = await scan("Lagi rame 'coblos 02', ayo ikutan coblos 02!", { date: FEB_2024 });
    expect(taken.verdict).toBe('violation');
    expect((await scan('Salam 4 jari! lagi rame nih', { date: FEB_2024 })).verdict).toBe('violation');
  });

  it('a cheer replying to a candidate\'s account is a comment for them; the account replied to is read by no other rule', async () => {
    const JAN_2024 = '2024-01-21T21:10:00+07:00';
    const cheer = await scan('Semangat pak! 🔥🔥 salam dari Wonogiri', { date: JAN_2024, reply_to: 'ganjarpranowo' });
    expect(cheer.findings.map((f) => `${f.rule_id} ${f.candidate}`)).toEqual(['endorsement.reply-to-candidate pilpres-2024:3']);
    expect(cheer.findings[0].spans.map((s) => s.field)).toEqual(['text', 'reply_to']);
    expect(cheer.findings[0].evidence).toContain('[reply to] @ganjarpranowo');
    // A complaint to the sitting governor names nobody: no mention of the candidate either.
    const complaint = await scan('Pak, jalan di desa kami rusak parah, mohon ditinjau 🙏', { date: JAN_2024, reply_to: 'ganjarpranowo' });
    expect(complaint.findings).toEqual([]);
    // The same handle in a repost is read as before.
    expect((await scan('Semangat pak! 🔥', { date: JAN_2024, repost_of: 'ganjarpranowo' })).findings.map((f) => f.rule_id)).toContain('repost.candidate-account');
  });

  it('a number and its finger sign alone are a hint for review; a voting day, a race or a word of support beside them is more', async () => {
    const FEB_2024 = '2024-02-01T20:00:00+07:00';
    for (const text of ['Mabar malam ini squad 02 nggak ada lawan ✌️😎 #mlbb', 'Kocokan arisan keluar nomor 1 tiga kali berturut2. Pertanda alam ☝️😏']) {
      const r = await scan(text, { date: FEB_2024 });
      expect(r.verdict, text).toBe('review');
      expect(r.findings[0].modifiers.map((m) => m.kind), text).toContain('number_and_sign');
    }
    for (const text of [
      'Kocokan arisan keluar nomor 2 lagi 😂 Pertanda ya bu ibu, tanggal 14 juga nomor 2 yang keluar ✌️',
      'Mabar 14 Februari: pick hero nomor 2, auto win ✌️😎',
      '02 ✌️✌️ sampai menang!',
      'Pilpres nanti 02 ✌️',
      // The voting day counts for a slogan and its sign too (not "Kucingku gemoy bgt ✌️").
      'Masih mau 5 tahun lagi begini? Tanggal 14 saatnya perubahan ☝️',
    ]) {
      const r = await scan(text, { date: FEB_2024 });
      expect(r.verdict, text).toBe('violation');
      expect(r.findings.some((f) => f.candidate?.startsWith('pilpres-2024:') && f.modifiers.every((m) => m.kind !== 'number_and_sign' && m.kind !== 'slogan_and_sign')), text).toBe(true);
    }
    // A group's member by number is no ballot number.
    expect((await scan('Photocard member nomor 2 akhirnyaaa dapet!! ✌️😭', { date: FEB_2024 })).findings).toEqual([]);
  });

  it('a word of voting or calling beside a slogan and its sign, or beside the sign of a number, keeps it a call', async () => {
    const JAN = '2024-01-24T10:10:00+08:00';
    const pantun = await scan('Anak dara pergi ke pasar, beli kangkung dan bunga melati. Kalau mau negeri makin besar, lanjutkan yang sudah pasti ✌️', { date: JAN });
    expect(pantun.verdict).toBe('violation');
    expect(pantun.findings.every((f) => f.modifiers.every((m) => m.kind !== 'slogan_and_sign'))).toBe(true);
    // The call is in the sign's sentence, the number in the one before.
    const raise = await scan('Cuma 02 yg janji naikin gaji ASN dan guru. Logika aja, pilih yg mau naikin gaji kita ✌️', { date: '2023-12-15T19:00:00+07:00' });
    expect(raise.verdict).toBe('violation');
    // A long post whose match spans many sentences: a call in a sentence without the slogan or sign does not count.
    const diary = await scan('Pose ✌️ dulu sebelum liburan. Ayo indonesia.. Gemoy banget bayi Umar, pipinya tembem', { date: '2023-12-20T10:00:00+07:00' });
    expect(diary.verdict).not.toBe('violation');
  });

  it('asked to take part and refused, or invited to a party event and not going, is declined; accepting is not', async () => {
    const refused = await scan('Ketua poktan minta saya jadi saksi TPS buat salah satu partai, dikasih uang makan 200rb. Saya tolak, ASN tdk boleh.', { date: JAN_2024 });
    expect(refused.findings).toEqual([]);
    expect(refused.suppressed.some((f) => f.modifiers.some((m) => m.kind === 'declined' && m.cue === 'tolak'))).toBe(true);
    const invited = await scan('Dapet undangan HUT PDI Perjuangan dari kolega. Saya balas terima kasih, mohon maaf tidak bisa hadir karena ASN.', { date: '2026-01-10T21:00:00+07:00' });
    expect(invited.verdict).not.toBe('violation');
    for (const text of ['Pak Camat minta saya jadi saksi 02 di TPS 5, siap laksanakan!', 'Hadir di HUT PDI Perjuangan ke-51, kompak semua. Tidak ada yang absen!'])
      expect((await scan(text, { date: JAN_2024 })).verdict, text).toBe('violation');
  });

  it('a supposed victory or a pledge for a race that may never be is for review; a call after an "if" clause is a call', async () => {
    const favour = await scan('@aniesbaswedan pak, kalau menang jangan lupa guru PPPK ya 🙏', { date: JAN_2024 });
    expect(favour.verdict).toBe('review');
    expect(favour.findings[0].modifiers.find((m) => m.kind === 'conditional')?.cue).toBe('kalau');
    const pledge = await scan('KDM 2029 presiden? Kalau beneran maju, saya siap jadi relawan 🔥', { date: '2025-06-01T10:00:00+07:00' });
    expect(pledge.verdict).toBe('review');
    for (const text of ['Kalau mau Indonesia maju, pilih 02! ✌️', 'Kalau Prabowo menang, Indonesia maju ✌️', 'Kalau ada yang ajak, ayo kita jadi relawan Prabowo-Gibran!'])
      expect((await scan(text, { date: JAN_2024 })).verdict, text).toBe('violation');
  });

  it("a candidate's post shared after the vote is for review; a party's post stays a violation", async () => {
    const concession = await scan('Kami menghormati putusan Mahkamah Konstitusi. Mari kita jaga persatuan.', { date: '2024-04-23T10:00:00+07:00', repost_of: 'aniesbaswedan' });
    expect(concession.verdict).toBe('review');
    expect(concession.findings[0].modifiers.find((m) => m.kind === 'after_vote')?.cue).toBe('shared after the vote');
    expect((await scan('Terima kasih relawan!', { date: '2024-01-20T10:00:00+07:00', repost_of: 'aniesbaswedan' })).verdict).toBe('violation');
    expect((await scan('Pendaftaran anggota baru dibuka! Bergabung bersama kami.', { date: '2025-03-01T10:00:00+07:00', repost_of: 'PKSejahtera' })).verdict).toBe('violation');
  });

  it("a sitting official's post about the work of the office, shared in the campaign, is for review unless the post campaigns", async () => {
    const JAN = '2024-01-18T10:00:00+07:00';
    const flood = await scan('Rakor penanganan banjir bersama OPD dan camat se-Surakarta. Pompa portabel disiagakan.', { date: JAN, kind: 'repost', repost_of: 'gibran_rakabuming' });
    expect(flood.verdict).toBe('review');
    expect(flood.findings[0].candidate).toBe('pilpres-2024:2');
    expect(flood.findings[0].modifiers.find((m) => m.kind === 'official_duty')?.cue).toBe('Rakor');
    // A quote of such a post with a cheer of the poster's own: the cheer is no word of support or voting.
    const quote = await scan('Semangat Mas Wali 💪', { date: JAN, kind: 'quote', repost_of: 'gibran_tweet', media_text: ['Kutipan unggahan Gibran: rapat koordinasi penanganan banjir di Balai Kota Surakarta'] });
    expect(quote.verdict).toBe('review');
    // Anything that campaigns keeps it a violation: thanks for support, a number, a campaign hashtag.
    for (const text of [
      'Rakor penanganan banjir bersama OPD. Mohon doa dan dukungannya!',
      'Rakor penanganan banjir bersama OPD. Jangan lupa 14 Februari nomor 2 ✌️',
      'Rakor penanganan banjir bersama OPD. #PrabowoGibran2024',
    ]) {
      const r = await scan(text, { date: JAN, kind: 'repost', repost_of: 'gibran_rakabuming' });
      expect(r.verdict, text).toBe('violation');
      expect(r.findings.every((f) => f.modifiers.every((m) => m.kind !== 'official_duty')), text).toBe(true);
    }
    // A campaign visit is no work of an office; a party holds none.
    expect((await scan('Blusukan ke pasar, terima kasih warga yang menyambut.', { date: JAN, kind: 'repost', repost_of: 'gibran_rakabuming' })).verdict).toBe('violation');
    expect((await scan('Rakor penanganan banjir bersama kader di DPC.', { date: JAN, kind: 'repost', repost_of: 'Gerindra' })).verdict).toBe('violation');
  });

  it('slogans of two pairs of one race in a sentence compare them: for review, whether or not a pair wins the count', async () => {
    const JAN_2024 = '2024-01-25T20:00:00+08:00';
    const meme = await scan('Saya tim kucing aja deh 🐱', {
      date: JAN_2024,
      media_text: ["Meme: tiga kucing duduk berjejer, tulisan 'Capres versi kucing: yang satu pinter ngomong, yang satu gemoy, yang satu gerak cepat'"],
    });
    expect(meme.verdict).toBe('review');
    expect(meme.findings[0].modifiers.map((m) => m.kind)).toContain('several_pairs');
    const either = await scan('Pilpres: perubahan atau lanjutkan? terserah kalian', { date: JAN_2024 });
    expect(either.verdict).toBe('review');
  });

  it('a caleg reported as a guest or giver at an event is for review; with a word of support beside it, a violation', async () => {
    const JAN_2024 = '2024-01-20T20:00:00+07:00';
    const guest = await scan('Alhamdulillah jadi MC pengajian akbar malam ini. Hadir juga Bapak H. Mulyono, caleg DPRD dari partai nomor 8, memberi sambutan singkat.', { date: JAN_2024 });
    expect(guest.verdict).toBe('review');
    expect(guest.findings[0].modifiers.find((m) => m.kind === 'reported_guest')?.cue).toBe('Hadir juga');
    expect((await scan('Hadir juga Pak Budi caleg DPRD partai nomor 5, yuk dukung beliau!', { date: JAN_2024 })).verdict).toBe('violation');
  });

  it('a prayer for a candidate\'s victory is support before the vote, weaker after it, and about the person far from the race', async () => {
    const before = await scan('Semoga Allah mudahkan langkah Pak Anies dan Gus Imin. Aamiin ya Rabb 🤲', { date: '2024-01-20T20:00:00+07:00' });
    expect(before.findings.map((f) => `${f.rule_id} ${f.candidate} ${f.verdict}`)).toContain('endorsement.wish-for-candidate pilpres-2024:1 violation');
    const after = await scan('Selamat Pak Prabowo, semoga dimudahkan memimpin 5 tahun ke depan', { date: '2024-02-16T10:00:00+07:00' });
    expect(after.verdict).toBe('review');
    expect(after.findings[0].modifiers.find((m) => m.kind === 'after_vote')?.cue).toBe('dimudahkan');
    expect((await scan('Semoga Pak Jokowi dimudahkan urusannya, aamiin', { date: '2023-08-01T10:00:00+07:00' })).findings).toEqual([]);
  });

  it('a number owned by a person no pack knows names no pair: the call is for review, with the person named', async () => {
    const OCT_2024 = '2024-10-20T08:00:00+07:00';
    for (const text of ['Ayo warga Desa Karangrejo, 29 Oktober coblos Pak Wiryo nomor 2, wis kebukti kerjane!', 'coblos Pak Budi Santoso no. 3 di Pilkada Kabupaten Sleman']) {
      const r = await scan(text, { date: OCT_2024 });
      expect(r.verdict, text).toBe('review');
      const call = r.findings.find((f) => f.rule_id === 'endorsement.vote-call');
      expect(call?.candidate, text).toBeNull();
      expect(call?.modifiers.find((m) => m.kind === 'unknown_person')?.cue, text).toMatch(/^Pak (Wiryo|Budi Santoso)$/);
    }
    // A known candidate's name, a vocative honorific or a lower-case word after it leaves the number the pair's.
    for (const [text, cand] of [
      ['Coblos Pak Prabowo nomor 2!', 'pilpres-2024:2'],
      ['Pilih Bu Khofifah nomor 2 ya lur', 'pilkada-jatim-2024:2'],
    ] as const) {
      const r = await scan(text, { date: '2024-11-20T08:00:00+07:00' });
      expect(r.findings.some((f) => f.candidate === cand && f.modifiers.every((m) => m.kind !== 'unknown_person')), text).toBe(true);
    }
    const vocative = await scan('Ayo Pak, coblos nomor 2 tanggal 14!', { date: '2024-02-01T08:00:00+07:00' });
    expect(vocative.verdict).toBe('violation');
  });

  it('explain keeps what context suppressed, with the reason', async () => {
    const r = await scan('ASN dilarang mendukung paslon 02 dengan pose dua jari', { date: JAN_2024 });
    expect(r.findings.filter((f) => f.category !== 'candidate_mention')).toEqual([]);
    expect(r.suppressed.some((f) => f.modifiers.some((m) => m.kind === 'prohibition' && m.effect === 'suppress'))).toBe(true);
  });
});

describe('dates and confidence', () => {
  it('a campaign slogan counts only inside its window', async () => {
    const inside = await scan('Bersama Indonesia Maju, lanjutkan! #PrabowoGibran', { date: JAN_2024 });
    expect(inside.findings.some((f) => f.category === 'campaign_slogan')).toBe(true);
    const after = await scan('Program Indonesia Maju untuk pemilu berikutnya', { date: '2025-05-01T09:00:00+07:00' });
    expect(after.findings.some((f) => f.category === 'campaign_slogan')).toBe(false);
  });

  it('support far outside the election window gets lower confidence', async () => {
    const during = await scan('Dukung terus Prabowo-Gibran!', { date: JAN_2024 });
    const later = await scan('Dukung terus Prabowo-Gibran!', { date: '2026-06-01T09:00:00+07:00' });
    const a = during.findings.find((f) => f.rule_id === 'endorsement.support-near-candidate')!;
    const b = later.findings.find((f) => f.rule_id === 'endorsement.support-near-candidate')!;
    expect(b.confidence).toBeLessThan(a.confidence);
    expect(b.modifiers.map((m) => m.kind)).toContain('out_of_window');
  });
});

describe('verdicts and fingerprints', () => {
  it('every finding carries its post verdict; a mention alone is review', async () => {
    const r = await scan('Tadi lihat Ganjar di televisi', { date: JAN_2024 });
    expect(r.verdict).toBe('review');
    expect(r.findings.every((f) => f.verdict === 'review')).toBe(true);
  });

  it('fingerprints are stable across files and runs, and differ by post and rule', async () => {
    const s = await shippedScanner();
    const a = s.scan({ ...post('Ayo coblos 02!', { date: JAN_2024, id: '42', author: 'Budi' }), source: { file: '/tmp/a.jsonl', line: 1 } });
    const b = s.scan({ ...post('Ayo coblos 02!', { date: JAN_2024, id: '42', author: '@budi' }), source: { file: 'elsewhere/b.csv', line: 99 } });
    const c = s.scan(post('Ayo coblos 02!', { date: JAN_2024, id: '43', author: 'budi' }));
    expect(a.findings.map((f) => f.fingerprint)).toEqual(b.findings.map((f) => f.fingerprint));
    expect(a.findings[0].fingerprint).not.toBe(c.findings[0].fingerprint);
    expect(new Set(a.findings.map((f) => f.fingerprint)).size).toBe(a.findings.length);
    expect(a.findings[0].fingerprint).toMatch(/^[0-9a-f]{24}$/);
  });
});

describe('reposts', () => {
  it('a repost of a candidate account on Bluesky or Mastodon is a repost of that account', async () => {
    const bsky = await scan('Terima kasih warga Bekasi!', { repost_of: 'ridwankamil.bsky.social', date: '2024-10-10T10:00:00+07:00', platform: 'bluesky' });
    expect(bsky.findings.map((f) => [f.rule_id, f.candidate])).toContainEqual(['repost.candidate-account', 'pilkada-dki-2024:1']);
    const masto = await scan('Terima kasih warga!', { repost_of: 'ganjarpranowo@mastodon.social', date: JAN_2024, platform: 'mastodon' });
    expect(masto.findings.map((f) => f.rule_id)).toContain('repost.candidate-account');
  });

  it("a reposted first-person claim is the original author's, not a campaign activity of the one who shared it", async () => {
    const r = await scan('RT @ridwankamil: Terima kasih relawan, saya ikut kampanye di Bekasi', { repost_of: 'ridwankamil', date: '2024-10-10T10:00:00+07:00' });
    expect(r.findings.map((f) => f.category)).toEqual(['repost']);
    expect(r.suppressed.some((f) => f.category === 'campaign_activity' && f.modifiers.some((m) => m.kind === 'repost_text'))).toBe(true);
    const own = await scan('Terima kasih relawan, saya ikut kampanye Ridwan Kamil di Bekasi', { date: '2024-10-10T10:00:00+07:00' });
    expect(own.findings.map((f) => f.category)).toContain('campaign_activity');
  });
});
