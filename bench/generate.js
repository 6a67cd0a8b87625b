// Synthetic posts for the benchmark: what an inspectorate analyst feeds netral, in netral's own JSONL record
// format. Mostly everyday posts of civil servants (work, family, food, traffic, religion, football), some news
// shares, neutrality reminders and voter education, hard negatives (dukung timnas, aamiin, juara 2, ✌️ selfies),
// and a few percent of violations across Pilpres 2024, the 2024 Pilkada and the parties — written the way people
// write on Indonesian social media: slang and abbreviations, emoji with skin tones, hashtags, mentions, links,
// elongations and the occasional obfuscation (c0bl0s, d*kung, p r a b o w o).
//
// Deterministic: one seeded PRNG drives every choice, and nothing reads the clock or the locale, so the same
// (count, seed) gives the same bytes on every run and machine. The vocabulary is open-ended (synthetic place,
// shop and nick names, typos, random elongations), so per-word caches in the scanner meet new words all through a
// long run, as they do on real exports.
//
// Usage: node bench/generate.js COUNT [--seed N] [-o FILE]   (stdout when no -o)

import { closeSync, openSync, writeSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// ---------------------------------------------------------------- PRNG

/** sfc32: small, fast, 128-bit state, good statistical quality; seeded through splitmix32. */
export function rng(seed) {
  let s = seed >>> 0;
  const split = () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = split();
  let b = split();
  let c = split();
  let d = split();
  const next = () => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) >>> 0;
    return t / 4294967296;
  };
  for (let i = 0; i < 12; i++) next();
  return next;
}

// ---------------------------------------------------------------- vocabulary

const FIRST = `Budi Agus Rina Dewi Sri Andi Eko Wahyu Siti Nur Rahmat Heru Yulia Dedi Asep Ujang Euis Neng Dadang Cecep
Joko Slamet Bambang Sugeng Suryani Tri Puji Endang Ratna Lestari Indah Fitri Rizky Fajar Gilang Ilham Hendra Yusuf
Ahmad Muhammad Fauzi Arif Iwan Ketut Made Wayan Nyoman Putu Komang Ayu Gede Yohanes Maria Yosef Agnes Theresia
Fransiska Benny Robert Hotman Tiurma Sondang Linda Butet Nurhayati Rosmala Zulkifli Teuku Cut Irfan Ikhsan Rudi
Dian Novi Mega Wulan Intan Putri Anisa Nabila Aulia Syifa Rahma Kartika Yanti Susi Wati Ani Eni Tini Yayuk Sumarni
Marlina Herlina Evi Dwi Septi Oktavia Desi Yuni Anton Hari Teguh Bayu Aditya Dimas Galih Rangga Reza Bagus Yoga
Arief Hafiz Luthfi Syahrul Taufik Kurniawan Firman Hasan Husein Umar Ali Abdul Imam Darto Paijo Tukiman Sukirman
Wahyuni Haryati Lilis Enok Iis Imas Entin Acah Oman Aceng Mamat Odih Komar Engkus Rohman Jajang Yayan Atep`.split(/\s+/);

const LAST = `Santoso Hartono Wijaya Setiawan Susanto Pratama Saputra Hidayat Nugroho Kusuma Wibowo Prasetyo Gunawan
Purnomo Rahmawati Lestari Wulandari Kurniasih Handayani Hasibuan Siregar Nasution Lubis Harahap Simanjuntak
Sitompul Panjaitan Sinaga Manurung Tambunan Pardede Sembiring Ginting Tarigan Rangkuti Daulay Matondang Situmorang
Pohan Batubara Sihombing Pangaribuan Suparman Sutrisno Suharto Mulyadi Maulana Ramadhan Firmansyah Syahputra
Permana Sopandi Supriatna Hermawan Sukmana Rustandi Suryana Kusnadi Nurdin Fauzan Rizal Hakim Anwar Marpaung
Tanjung Putra Putri Utami Anggraini Safitri Oktaviani Febrianti Maharani Pertiwi Sari Astuti Suryani Yulianti`.split(/\s+/);

const PLACES = `Cikaret Sukamulya Pasteur Dago Cibiru Antapani Margahayu Buahbatu Kopo Cimahi Cileunyi Jatinangor Sumedang
Garut Tasik Ciamis Banjar Kuningan Cirebon Indramayu Subang Purwakarta Karawang Bekasi Depok Bogor Cibinong Sentul
Tangerang Serpong Ciputat Pamulang Cilegon Serang Pandeglang Lebak Menteng Tebet Cawang Cililitan Kalideres Cengkareng
Grogol Kemayoran Senen Rawamangun Pulogadung Cakung Klender Bintaro Kebayoran Blok-M Fatmawati Pondok-Indah Lenteng
Semarang Ungaran Salatiga Kendal Demak Kudus Jepara Pati Rembang Blora Grobogan Solo Sukoharjo Klaten Boyolali
Magelang Temanggung Wonosobo Purworejo Kebumen Banyumas Purwokerto Cilacap Tegal Brebes Pemalang Pekalongan Batang
Surabaya Sidoarjo Gresik Lamongan Tuban Bojonegoro Malang Batu Pasuruan Probolinggo Jember Banyuwangi Madiun Ngawi
Kediri Blitar Tulungagung Trenggalek Ponorogo Pacitan Medan Binjai Deli-Serdang Siantar Tarutung Balige Sibolga Padang
Bukittinggi Pekanbaru Jambi Palembang Lampung Makassar Maros Gowa Manado Kendari Palu Ambon Jayapura Kupang Mataram
Denpasar Gianyar Tabanan Singaraja Balikpapan Samarinda Banjarmasin Pontianak Palangkaraya Tarakan Ternate Sorong`.split(/\s+/).map((p) => p.replace(/-/g, ' '));

const FOODS = `nasi uduk|nasi kuning|bubur ayam|lontong sayur|soto betawi|soto lamongan|rawon|pecel lele|ayam geprek|seblak|cilok|
batagor|siomay|bakso|mie ayam|mie instan|indomie goreng|sate padang|sate madura|gudeg|nasi padang|rendang|gulai kambing|
sayur asem|ikan asin|sambel terasi|tempe mendoan|tahu bulat|gorengan|martabak manis|martabak telor|es teh manis|kopi susu|
es cendol|es dawet|kolak pisang|pisang goreng|nasi liwet|karedok|lotek|gado-gado|ketoprak|pempek|mie aceh|coto makassar|
papeda|ayam betutu|nasi jamblang|empal gentong|tongseng|sop buntut|rujak|cireng|cimol|basreng|donat kentang`.replace(/\n/g, '').split('|');

const SHOPS = ['warung', 'kedai', 'toko', 'depot', 'rumah makan', 'angkringan', 'kafe', 'laundry', 'bengkel', 'apotek'];

const SYL = ['ka', 'la', 'ma', 'na', 'sa', 'ta', 'ra', 'ja', 'ba', 'da', 'ga', 'pa', 'wa', 'ya', 'ki', 'li', 'mi', 'ni', 'si',
  'ti', 'ri', 'ji', 'bi', 'di', 'gi', 'ku', 'lu', 'mu', 'nu', 'su', 'tu', 'ru', 'ju', 'bu', 'du', 'gu', 'ke', 'le', 'me', 'ne',
  'se', 'te', 're', 'ko', 'lo', 'mo', 'no', 'so', 'to', 'ro', 'jo', 'bo', 'do', 'go', 'ngan', 'ngi', 'nya', 'ran', 'tan',
  'wan', 'sih', 'tuk', 'rang', 'ling', 'jang', 'dong', 'pung', 'kir', 'mar', 'sur'];

const EMOJI_COMMON = ['😂', '🤣', '🙏', '🔥', '😍', '🥰', '😭', '✨', '👍', '😁', '😅', '🤲', '💪', '❤️', '🙂', '😊', '🤭', '😎',
  '🥲', '😴', '🤤', '☕', '🌧️', '☀️', '🚗', '🏍️', '📚', '🍜', '🎉', '👏', '🤗', '😤', '🙃', '🤔', '💯', '🇮🇩', '⚽', '🏸',
  '🕌', '📸', '🌙', '🌸', '🐱', '👶', '🎂', '🧕', '👮', '🩺', '🚧', '📝', '💼'];
const TONES = ['', '', '', '🏻', '🏼', '🏽', '🏾'];
const TONEABLE = ['🙏', '👍', '💪', '👏', '🤲', '✌', '☝', '🤟', '👌', '👋'];

const SLANG = [
  [/\byang\b/g, ['yg', 'yang', 'yg']],
  [/\btidak\b/g, ['gak', 'ga', 'nggak', 'tdk', 'enggak']],
  [/\bsudah\b/g, ['udah', 'udh', 'sdh', 'dah']],
  [/\bbanget\b/g, ['bgt', 'bngt', 'banget', 'bangettt']],
  [/\bdengan\b/g, ['dgn', 'sama', 'dengan']],
  [/\buntuk\b/g, ['utk', 'buat', 'untk']],
  [/\bkalau\b/g, ['kalo', 'klo', 'kl']],
  [/\bkarena\b/g, ['krn', 'karna', 'soalnya']],
  [/\baku\b/g, ['aq', 'aku', 'gw', 'gue', 'sy']],
  [/\bteman-teman\b/g, ['temen2', 'teman2', 'gaes', 'guys', 'kawan2']],
  [/\bterima kasih\b/g, ['makasih', 'trims', 'thx', 'makasi', 'terimakasih']],
  [/\bsemangat\b/g, ['semangat', 'semangaaat', 'smangat', 'semangattt']],
  [/\bbelum\b/g, ['blm', 'belom', 'belum']],
  [/\bsaja\b/g, ['aja', 'aj', 'sja']],
  [/\bbagaimana\b/g, ['gimana', 'gmn', 'gmana']],
];

const DOMAINS = ['news.detik.com/berita', 'www.kompas.com/read', 'www.cnnindonesia.com/nasional', 'www.antaranews.com/berita',
  'nasional.tempo.co/read', 'www.liputan6.com/news/read', 'www.tribunnews.com/regional', 'www.jpnn.com/news', 'www.idntimes.com/news',
  'jabar.inews.id/berita', 'www.republika.co.id/berita', 'www.suara.com/news', 'bit.ly', 's.id', 'youtu.be', 'shope.ee', 'tokopedia.link'];

// ---------------------------------------------------------------- elections (dates in days since 1970-01-01, UTC)

const day = (y, m, d) => Math.floor(Date.UTC(y, m - 1, d) / 86_400_000);
const SPAN_FROM = day(2023, 1, 1);
const SPAN_TO = day(2025, 12, 31);

const RACES = [
  {
    key: 'pilpres', when: [day(2023, 10, 20), day(2024, 2, 13)], voteDay: '14 Feb', word: ['pilpres', 'pemilu 2024', 'capres', '14 februari'],
    pairs: [
      { no: 1, names: ['Anies', 'Anies Baswedan', 'Cak Imin', 'Anies-Muhaimin', 'AMIN', 'Gus Imin'], tags: ['AMIN', 'AniesMuhaimin2024', 'AniesPresiden', 'AMIN2024'], gesture: '☝', slogans: ['perubahan', 'wakanda no more'], acct: 'aniesbaswedan' },
      { no: 2, names: ['Prabowo', 'Prabowo-Gibran', 'Gibran', 'Pak Prabowo', 'Mas Gibran', 'Prabowo Subianto'], tags: ['PrabowoGibran2024', 'PrabowoGibranSatuPutaran', 'BersamaIndonesiaMaju', 'PrabowoGibran'], gesture: '✌', slogans: ['lanjutkan', 'gemoy', 'bersama indonesia maju'], acct: 'prabowo' },
      { no: 3, names: ['Ganjar', 'Ganjar-Mahfud', 'Pak Ganjar', 'Prof Mahfud', 'Ganjar Pranowo', 'Mahfud MD'], tags: ['GanjarMahfud2024', 'GerakCepatGanjarMahfud', 'GanjarPresiden', 'SatSet'], gesture: '🤟', slogans: ['sat set', 'gerak cepat'], acct: 'ganjarpranowo' },
    ],
  },
  {
    key: 'dki', when: [day(2024, 9, 1), day(2024, 11, 26)], voteDay: '27 Nov', word: ['pilkada dki', 'pilgub jakarta', 'cagub jakarta', 'pilkada jakarta'],
    pairs: [
      { no: 1, names: ['RIDO', 'Ridwan Kamil', 'Kang Emil', 'RK-Suswono', 'R1DO'], tags: ['RIDO', 'R1DO', 'RidwanKamilSuswono', 'JakartaBaru'], gesture: '☝', slogans: [], acct: 'ridwankamil' },
      { no: 2, names: ['Dharma Pongrekun', 'Dharma-Kun', 'Kun Wardana'], tags: ['DharmaKun', 'DharmaPongrekun'], gesture: '✌', slogans: [], acct: null },
      { no: 3, names: ['Pramono-Rano', 'Pram-Doel', 'Si Doel', 'Bang Doel', 'Mas Pram', 'Rano Karno'], tags: ['PramDoel', 'PramonoRano'], gesture: '🤟', slogans: [], acct: null },
    ],
  },
  {
    key: 'jabar', when: [day(2024, 9, 1), day(2024, 11, 26)], voteDay: '27 Nov', word: ['pilgub jabar', 'pilkada jabar', 'cagub jabar'],
    pairs: [
      { no: 1, names: ['Acep-Gita', 'Acep Adang'], tags: ['AcepGita'], gesture: '☝', slogans: [], acct: null },
      { no: 2, names: ['Jeje-Ronal', 'Jeje Wiradinata', 'Ronal Surapradja'], tags: ['JejeRonal'], gesture: '✌', slogans: [], acct: null },
      { no: 3, names: ['ASIH', 'Syaikhu-Ilham', 'Ahmad Syaikhu'], tags: ['ASIH', 'SyaikhuIlham'], gesture: '🤟', slogans: [], acct: null },
      { no: 4, names: ['KDM', 'Dedi Mulyadi', 'Kang Dedi', 'Dedi-Erwan'], tags: ['KDM', 'DediErwan', 'DediMulyadi'], gesture: '🖐', slogans: [], acct: 'dedimulyadi71' },
    ],
  },
  {
    key: 'jateng', when: [day(2024, 9, 1), day(2024, 11, 26)], voteDay: '27 Nov', word: ['pilgub jateng', 'pilkada jateng', 'cagub jateng'],
    pairs: [
      { no: 1, names: ['Andika-Hendi', 'Andika Perkasa', 'Mas Hendi'], tags: ['AndikaHendi'], gesture: '☝', slogans: [], acct: null },
      { no: 2, names: ['Luthfi-Yasin', 'Ahmad Luthfi', 'Gus Yasin'], tags: ['LuthfiYasin', 'AhmadLuthfi'], gesture: '✌', slogans: [], acct: null },
    ],
  },
  {
    key: 'jatim', when: [day(2024, 9, 1), day(2024, 11, 26)], voteDay: '27 Nov', word: ['pilgub jatim', 'pilkada jatim', 'cagub jatim'],
    pairs: [
      { no: 1, names: ['Luluk-Lukman', 'Luluk Nur Hamidah'], tags: ['LulukLukman'], gesture: '☝', slogans: [], acct: null },
      { no: 2, names: ['Khofifah-Emil', 'Bu Khofifah', 'Khofifah', 'Emil Dardak'], tags: ['KhofifahEmil', 'Khofifah2Periode'], gesture: '✌', slogans: [], acct: 'KhofifahIP' },
      { no: 3, names: ['Risma-Gus Hans', 'Bu Risma', 'Tri Rismaharini'], tags: ['RismaGusHans'], gesture: '🤟', slogans: [], acct: null },
    ],
  },
];

const PARTIES = [
  { no: 1, name: 'PKB' }, { no: 2, name: 'Gerindra' }, { no: 3, name: 'PDI Perjuangan' }, { no: 3, name: 'PDIP' }, { no: 4, name: 'Golkar' },
  { no: 5, name: 'NasDem' }, { no: 8, name: 'PKS' }, { no: 12, name: 'Partai Amanat Nasional' }, { no: 14, name: 'Partai Demokrat' },
  { no: 15, name: 'PSI' }, { no: 16, name: 'Perindo' }, { no: 17, name: 'PPP' },
];

const NEWS_ACCOUNTS = ['detikcom', 'kompascom', 'CNNIndonesia', 'antaranews', 'tempodotco', 'liputan6dotcom', 'tvOneNews', 'metro_tv', 'idntimes', 'tribunnews'];
const OFFICIAL = ['KPU_ID', 'bawaslu_ri', 'kemenpanrb', 'BKNgoid', 'kpujabar', 'BawasluJabar', 'kpudki', 'Kemendagri_RI'];

// ---------------------------------------------------------------- the generator

export class PostGenerator {
  constructor(seed = 42) {
    this.r = rng(seed);
    this.seq = 0;
    // A fixed population of accounts; a few post a lot, most post a little (as in any export set).
    this.authors = [];
    for (let i = 0; i < 20_000; i++) {
      const first = this.pick(FIRST);
      const last = this.pick(LAST);
      this.authors.push({ name: this.r() < 0.8 ? `${first} ${last}` : first, handle: this.handle(first, last), platform: this.pick(['x', 'facebook', 'instagram', 'tiktok', 'x', 'facebook', 'threads']) });
    }
  }

  // -- primitives

  int(n) {
    return Math.floor(this.r() * n);
  }
  chance(p) {
    return this.r() < p;
  }
  pick(a) {
    return a[Math.floor(this.r() * a.length)];
  }
  /** Skewed towards the head of the list: a few items are common, the rest rare. */
  zipf(a) {
    const x = this.r();
    return a[Math.floor(x * x * x * a.length)];
  }
  handle(first, last) {
    const f = first.toLowerCase();
    const l = last.toLowerCase();
    switch (this.int(7)) {
      case 0: return `${f}_${l[0]}`;
      case 1: return `${f}.${l}`;
      case 2: return `${f}${l}${10 + this.int(90)}`;
      case 3: return `${f}_${l.slice(0, 4)}${this.int(10)}`;
      case 4: return `${f}${this.pick(['', '_', '.'])}${this.pick(['official', 'asn', 'id', 'real', 'ganteng', 'kece', 'jbr', 'sby', 'mdn'])}`;
      case 5: return `bang${f}${this.int(100)}`;
      default: return `${f}.${l}_`;
    }
  }
  /** A made-up but pronounceable word: new place, shop and nick names keep appearing, as in real text. */
  rareWord() {
    let w = '';
    const n = 2 + this.int(2);
    for (let i = 0; i < n; i++) w += this.pick(SYL);
    return w;
  }
  cap(w) {
    return w.charAt(0).toUpperCase() + w.slice(1);
  }
  emoji() {
    const e = this.zipf(EMOJI_COMMON);
    if (TONEABLE.includes(e) && this.chance(0.4)) return e + this.pick(TONES);
    return e;
  }
  emojis(max = 3) {
    let s = '';
    const n = 1 + this.int(max);
    const e = this.emoji();
    for (let i = 0; i < n; i++) s += this.chance(0.6) ? e : this.emoji();
    return s;
  }
  place() {
    return this.chance(0.85) ? this.zipf(PLACES) : this.cap(this.rareWord());
  }
  person() {
    return this.pick(FIRST);
  }
  link(domain = this.zipf(DOMAINS)) {
    const slug = [];
    const n = 2 + this.int(6);
    for (let i = 0; i < n; i++) slug.push(this.chance(0.3) ? this.rareWord() : this.pick(['warga', 'pemkab', 'jalan', 'banjir', 'harga', 'beras', 'guru', 'pppk', 'cpns', 'honorer', 'kpu', 'debat', 'capres', 'pilkada', 'netralitas', 'asn', 'bansos', 'timnas', 'menang', 'lawan']));
    const id = 1_000_000 + this.int(8_999_999);
    if (domain.length < 12) return `https://${domain}/${this.rareWord()}${this.int(1000)}`;
    return `https://${domain}/${this.chance(0.5) ? `d-${id}/` : `${id}/`}${slug.join('-')}`;
  }
  /** Applies chat spelling: abbreviations, elongations, shouting, laughter. */
  slang(s, level) {
    if (level <= 0) return s;
    let out = s;
    for (const [re, alts] of SLANG) if (this.r() < level) out = out.replace(re, () => this.pick(alts));
    if (this.chance(level * 0.25)) out = out.replace(/([aiueo])(\s|$)/, (m, v, sp) => v.repeat(3 + this.int(4)) + sp);
    if (this.chance(0.04)) out = out.toUpperCase();
    return out;
  }
  laugh() {
    const base = this.pick(['wkwk', 'wkwkwk', 'haha', 'hehe', 'awkwk', 'xixixi', 'ckck', 'hahaha']);
    return base + (this.chance(0.4) ? base.slice(-2).repeat(1 + this.int(4)) : '');
  }

  // -- everyday posts: most of any real set

  everydaySentence(k) {
    const p = this.place();
    const f = this.zipf(FOODS);
    const n = this.person();
    const t = 5 + this.int(17);
    switch (k) {
      case 0: return `macet parah di ${p}, berangkat jam ${t} nyampe kantor jam ${t + 2}`;
      case 1: return `sarapan ${f} dulu sebelum apel pagi`;
      case 2: return `alhamdulillah hari ini ${f} di ${this.pick(SHOPS)} ${this.cap(this.rareWord())} enak banget, recommended buat yang lewat ${p}`;
      case 3: return `hujan deres dari siang, ${p} banjir lagi sampai selutut`;
      case 4: return `rapat koordinasi sama dinas ${this.pick(['pendidikan', 'kesehatan', 'PUPR', 'sosial', 'perhubungan', 'pertanian', 'kominfo', 'dukcapil'])} sampai sore, laporan SPJ belum kelar`;
      case 5: return `anak-anak kelas ${1 + this.int(6)} hari ini belajar ${this.pick(['mengenal angka', 'membaca', 'menggambar', 'senam', 'menanam pohon', 'mengaji'])}, gemes banget liat mereka serius`;
      case 6: return `jumat berkah, jangan lupa sedekah ya teman-teman`;
      case 7: return `pengajian ibu-ibu majelis taklim ${this.cap(this.rareWord())} lancar, materinya tentang ${this.pick(['sabar', 'syukur', 'ikhlas', 'birrul walidain', 'zakat'])}`;
      case 8: return `semoga lekas sembuh ${this.pick(['bapak', 'ibu', 'mamah', 'bapa', 'nenek', 'adek'])}, aamiin ya rabbal alamin`;
      case 9: return `dukung terus timnas Indonesia! ${this.pick(['garuda di dadaku', 'ayo indonesia', 'lolos piala dunia', 'menang lawan ' + this.pick(['vietnam', 'thailand', 'jepang', 'bahrain', 'arab saudi', 'australia'])])}`;
      case 10: return `${this.pick(['Persib', 'Persija', 'Persebaya', 'Arema', 'PSIS', 'PSM', 'Bali United'])} ${this.pick(['menang', 'kalah', 'imbang'])} ${this.int(4)}-${this.int(4)} tadi malam, ${this.pick(['mantap', 'kecewa berat', 'lumayan lah', 'wasitnya aneh'])}`;
      case 11: return `alhamdulillah si kecil juara ${1 + this.int(3)} lomba ${this.pick(['mewarnai', 'tahfidz', 'lari', 'pidato', 'baca puisi', 'fashion show'])} di sekolah`;
      case 12: return `nomor antrian ${10 + this.int(300)} padahal datang jam ${t} pagi, pelayanan ${this.pick(['BPJS', 'samsat', 'dukcapil', 'puskesmas', 'bank'])} masih lama`;
      case 13: return `kantor pindah ke lantai ${2 + this.int(6)}, lift mati, olahraga gratis tiap hari`;
      case 14: return `pilih menu apa ya buat buka puasa, ${f} atau ${this.zipf(FOODS)}?`;
      case 15: return `cuaca ${p} panas banget hari ini, perubahan iklim makin kerasa`;
      case 16: return `selamat ulang tahun ${n}, semoga panjang umur, sehat selalu dan makin sukses`;
      case 17: return `selamat ulang tahun ${this.pick(['Kabupaten', 'Kota'])} ${p} ke-${100 + this.int(400)}, semoga makin maju dan sejahtera`;
      case 18: return `posyandu ${this.cap(this.rareWord())} bulan ini: timbang balita, imunisasi, PMT. terima kasih kader-kader hebat`;
      case 19: return `dinas luar ke ${p} ${2 + this.int(4)} hari, titip doa semoga lancar`;
      case 20: return `mudik ke ${p} ${this.pick(['naik kereta', 'naik motor', 'nyetir sendiri', 'naik bus'])}, ${this.pick(['macet di tol', 'lancar jaya', 'ramai lancar', 'antri di rest area'])}`;
      case 21: return `kucing ${this.pick(['oren', 'hitam', 'belang tiga', 'abu'])} di rumah makin gendut, namanya ${this.cap(this.rareWord())}`;
      case 22: return `drakor ${this.pick(['baru', 'yang lagi rame', 'rekomendasi temen'])} bikin begadang, besok apel pagi ngantuk`;
      case 23: return `diskon ${10 * (1 + this.int(8))}% di ${this.pick(['shopee', 'tokped', 'alfamart', 'indomaret', 'pasar', 'mall'])}, dompet menangis`;
      case 24: return `jalan rusak di ${p} belum diperbaiki, semoga segera ditindaklanjuti dinas terkait`;
      case 25: return `kerja bakti RT ${1 + this.int(20)} bersihin selokan, warga kompak`;
      case 26: return `lari pagi ${3 + this.int(10)} km keliling ${p}`;
      case 27: return `harga ${this.pick(['beras', 'cabai', 'bawang merah', 'telur', 'minyak goreng', 'gula'])} naik lagi, ${this.pick(['emak-emak pusing', 'dapur harus berhemat', 'semoga cepat turun'])}`;
      case 28: return `pelatihan ${this.pick(['SIPD', 'e-kinerja', 'SRIKANDI', 'pengadaan barang jasa', 'BMN', 'SAKIP', 'manajemen risiko'])} hari ${this.pick(['pertama', 'kedua', 'terakhir'])}, materinya padat`;
      case 29: return `alhamdulillah SK ${this.pick(['PPPK', 'CPNS', 'kenaikan pangkat', 'mutasi', 'pensiun'])} sudah keluar, terima kasih semua doanya`;
      case 30: return `selamat hari ${this.pick(['guru', 'ibu', 'pahlawan', 'kartini', 'korpri', 'santri', 'kesehatan nasional', 'bhayangkara'])}, semangat mengabdi`;
      case 31: return `pose ✌️ dulu sebelum berangkat ${this.pick(['ngantor', 'liburan', 'kondangan', 'senam'])}`;
      case 32: return `${n} ${this.pick(['dan keluarga', 'sekeluarga'])} mengucapkan selamat hari raya ${this.pick(['idul fitri, mohon maaf lahir dan batin', 'idul adha', 'natal', 'nyepi', 'waisak'])}`;
      case 33: return `lanjutkan perjuangan, jangan menyerah, rezeki gak akan ketuker`;
      case 34: return `kopi ${this.pick(['pagi', 'sore', 'malam'])} di ${this.pick(SHOPS)} ${this.cap(this.rareWord())}, ${this.pick(['tempatnya cozy', 'wifinya kenceng', 'harganya ramah PNS', 'parkirnya susah'])}`;
      case 35: return `gemoy banget bayi ${n}, pipinya tembem`;
      case 36: return `pilih sekolah buat anak ternyata susah juga, zonasi ${p} ribet`;
      case 37: return `satu putaran keliling ${this.pick(['alun-alun', 'taman kota', 'GOR', 'stadion'])} aja udah ngos-ngosan`;
      case 38: return `vaksinasi ${this.pick(['polio', 'campak', 'HPV', 'booster'])} di puskesmas ${p}, ayo bawa anaknya`;
      case 39: return `${this.pick(['bersama', 'sama'])} tim ${this.pick(['keuangan', 'perencanaan', 'umum', 'kepegawaian'])} lembur nyusun ${this.pick(['RKA', 'DPA', 'LKjIP', 'LPPD', 'renstra'])}`;
      case 40: return `${this.pick(['nonton', 'ke'])} konser ${this.pick(['Dewa 19', 'Sheila on 7', 'Tulus', 'Raisa', 'Nadin Amizah', 'Hindia', 'NDX AKA', 'Denny Caknan'])}, ${this.pick(['merinding', 'suaranya habis', 'worth it'])}`;
      case 41: return `${this.laugh()} ${this.pick(['kocak banget', 'ngakak', 'relate', 'ada-ada aja'])}`;
      case 42: return `sat set sat set kerjaan numpuk sebelum cuti`;
      case 43: return `gerak cepat tim BPBD evakuasi warga ${p} yang kena banjir`;
      case 44: return `${n}, ${this.pick(['jadi kondangan minggu depan?', 'titip oleh-oleh ya', 'sukses terus ya', 'ditunggu traktirannya'])}`;
      default: return `${this.pick(['capek', 'ngantuk', 'laper', 'bahagia', 'bersyukur', 'galau'])} ${this.pick(['banget', 'parah', 'pol', 'sekali'])} ${this.pick(['hari ini', 'minggu ini', 'bulan ini'])}`;
    }
  }

  everyday() {
    const r = this.r();
    // Lengths: many one-liners, some paragraphs, a few long Facebook-style stories.
    const sentences = r < 0.42 ? 1 : r < 0.77 ? 2 + this.int(2) : r < 0.96 ? 4 + this.int(4) : 8 + this.int(18);
    const parts = [];
    // Sentences of one post keep to one theme (work, family, food…), with the odd aside.
    const theme = this.pick(THEMES);
    const used = new Set();
    for (let i = 0; i < sentences; i++) {
      let k = this.chance(0.85) ? this.pick(theme) : this.int(46);
      if (used.has(k)) k = this.int(46); // a long post may still repeat itself now and then, as people do
      used.add(k);
      let s = this.everydaySentence(k);
      if (i === 0 || this.chance(0.5)) s = this.cap(s);
      parts.push(s + this.pick(['.', '', '!', ' ', '..', '!!', '?', ' ' + this.emoji()]));
    }
    let text = parts.join(this.chance(0.3) ? '\n' : ' ');
    text = this.slang(text, this.pick([0, 0.2, 0.5, 0.8]));
    if (this.chance(0.55)) text += ` ${this.emojis()}`;
    if (this.chance(0.1)) text += ` ${this.laugh()}`;
    const tags = [];
    if (this.chance(0.3)) {
      const n = 1 + this.int(this.chance(0.2) ? 8 : 3);
      for (let i = 0; i < n; i++) tags.push(this.chance(0.75) ? this.zipf(EVERYDAY_TAGS) : this.cap(this.rareWord()) + this.cap(this.rareWord()));
    }
    return { text, tags, mentions: this.chance(0.08) ? [this.pick(this.authors).handle] : [] };
  }

  // -- news shares: candidates named without endorsement (review at most)

  news(race, pair) {
    const others = race.pairs.filter((p) => p !== pair);
    const n1 = this.pick(pair.names);
    const n2 = others.length > 0 ? this.pick(this.pick(others).names) : 'paslon lain';
    const heads = [
      `Debat ${this.pick(race.word)}: ${n1} dan ${n2} adu gagasan soal ${this.pick(['pendidikan', 'pangan', 'pertahanan', 'lingkungan', 'ekonomi digital', 'kesehatan'])}`,
      `KPU tetapkan nomor urut: ${n1} nomor ${pair.no}`,
      `Survei terbaru ${this.pick(race.word)}: elektabilitas ${n1} ${this.pick(['naik', 'turun', 'stagnan'])}, ${n2} ${this.pick(['bersaing ketat', 'menyusul', 'tertinggal'])}`,
      `${n1} kunjungi pasar di ${this.place()}, warga antusias`,
      `Hasil hitung cepat ${this.pick(race.word)}: ${n1} ${40 + this.int(20)},${this.int(10)}% vs ${n2}`,
      `Bawaslu temukan ${2 + this.int(40)} dugaan pelanggaran netralitas ASN di ${this.place()}`,
      `MK tolak gugatan sengketa ${this.pick(race.word)}`,
    ];
    const h = this.pick(heads);
    const link = this.link(this.pick(DOMAINS.slice(0, 12)));
    if (this.chance(0.45)) {
      const acct = this.pick(NEWS_ACCOUNTS);
      return { text: `RT @${acct}: ${h} ${link}`, tags: [], kind: 'repost', repost_of: acct, links: [link] };
    }
    const caption = this.pick(['', 'Baca nih 👇 ', 'Info: ', 'Update: ', 'Simak ', '📰 ', 'Hmm ', 'Akhirnya. ']);
    return { text: `${caption}${h} ${link}`, tags: [], links: [link] };
  }

  // -- neutrality reminders, circulars and voter education: the first false-positive trap

  reminder(race) {
    const pair = this.pick(race.pairs);
    const lines = [
      `Mengingatkan rekan-rekan ASN 🙏 kita DILARANG mendukung paslon manapun di medsos: termasuk like, komen, share, pasang twibbon, atau foto pose jari. Sanksinya disiplin berat.`,
      `ASN wajib netral! Jangan ikut kampanye, jangan foto bareng calon dengan simbol jari, jangan like postingan paslon.`,
      `Apel pagi hari ini diisi penandatanganan pakta integritas netralitas ASN menjelang ${this.pick(race.word)}.`,
      `Surat edaran: ASN dilarang memberikan dukungan kepada calon ${this.pick(['presiden', 'gubernur', 'bupati', 'wali kota'])} baik langsung maupun melalui media sosial.`,
      `Ayo ke TPS ${race.voteDay}! Bawa KTP-el dan surat pemberitahuan. Gunakan hak pilihmu, jangan golput.`,
      `Sudah cek DPT belum? Buka cekdptonline.kpu.go.id, masukkan NIK, langsung keliatan TPS-nya.`,
      `Simulasi pemungutan suara di kelurahan ${this.place()}: contoh surat suara nomor 1, 2, ${race.pairs.length} hanya untuk latihan.`,
      `Temukan ASN tidak netral di ${this.pick(race.word)}? Laporkan lewat SP4N-LAPOR! atau kanal pengaduan Bawaslu.`,
      `Jadwal debat ${this.pick(race.word)} malam ini jam 19.00, semua paslon hadir termasuk ${this.pick(pair.names)}. Tonton, nilai, pilih dengan cerdas.`,
      `Netral itu harga mati. ASN melayani semua, bukan golongan.`,
    ];
    let text = this.pick(lines);
    if (this.chance(0.5)) text = this.slang(text, 0.4);
    const tags = [];
    const n = this.int(4);
    for (let i = 0; i < n; i++) tags.push(this.pick(['NetralitasASN', 'ASNNetral', 'Pemilu2024', 'PilkadaSerentak2024', 'PemiluDamai', 'AyoMemilih', 'JanganGolput', 'BawasluRI', 'KPUMelayani']));
    if (this.chance(0.3)) {
      const acct = this.pick(OFFICIAL);
      return { text: `RT @${acct}: ${text}`, tags, kind: 'repost', repost_of: acct };
    }
    return { text, tags };
  }

  // -- violations: support, symbols, campaign tags, reposts of candidate accounts, party membership, attacks

  obfuscate(w) {
    switch (this.int(5)) {
      case 0: return w.replace(/o/g, '0').replace(/e/g, '3').replace(/i/g, '1');
      case 1: return w.length > 3 ? w.slice(0, 1) + '*' + w.slice(2) : w;
      case 2: return w.split('').join(' ');
      case 3: return w.replace(/([aiueo])(?!.*[aiueo])/, (v) => v.repeat(4 + this.int(3)));
      default: return w.toUpperCase();
    }
  }

  violation(race, pair) {
    const name = this.pick(pair.names);
    const g = pair.gesture + (TONEABLE.includes(pair.gesture) && this.chance(0.5) ? this.pick(TONES) : '') + (this.chance(0.5) ? '\ufe0f' : '');
    const no = this.chance(0.5) ? `0${pair.no}` : String(pair.no);
    const verb = this.chance(0.08) ? this.obfuscate(this.pick(['coblos', 'dukung', 'pilih'])) : this.pick(['coblos', 'dukung', 'pilih', 'menangkan', 'coblos nomor', 'all in']);
    const lines = [
      `Udah fix ${no} ya guys, ga pake galau lagi ${g} ${race.voteDay} kita menangkan ${name}!`,
      `${race.voteDay} jangan lupa ${verb} ${no} ${g} ${this.pick(['bismillah', 'insyaallah', 'gaskeun', 'satu putaran'])}`,
      `Bismillah ${name} ${this.pick(['satu putaran', 'menang', 'pilihanku', 'harga mati'])} ${g}${g}`,
      `${this.pick(['Ayo', 'Yuk', 'Mari'])} ${verb} ${name}! ${this.pick(['Untuk perubahan', 'Untuk Indonesia', 'Demi anak cucu', 'Biar makin maju'])}`,
      `${this.chance(0.3) ? this.obfuscate(name.toLowerCase()) : name} ${this.pick(['jagoanku', 'presidenku', 'pilihan gw', 'idolaku'])} ${this.emojis(2)}`,
      `Hadir di ${this.pick(['kampanye akbar', 'deklarasi relawan', 'konsolidasi tim pemenangan', 'rapat umum'])} ${name} di ${this.place()}, luar biasa ramai ${g}`,
      `Asal bukan ${this.pick(this.pick(race.pairs.filter((p) => p !== pair)).names)}, pokoknya ${verb} ${no}`,
      `Salam ${['satu', 'dua', 'tiga', 'empat'][pair.no - 1] ?? pair.no} jari ${g} ${this.pick(['semangat relawan', 'kita pasti menang', 'sampai TPS'])}`,
    ];
    const text = this.slang(this.pick(lines), this.pick([0, 0.3, 0.6]));
    const tags = [];
    if (this.chance(0.6)) tags.push(this.pick(pair.tags));
    if (this.chance(0.3)) tags.push(this.pick(['fyp', 'viral', 'fypシ', 'Pemilu2024', 'PilkadaSerentak2024', 'IndonesiaMaju']));
    const out = { text, tags };
    if (this.chance(0.15) && pair.acct) {
      const slogan = pair.slogans.length > 0 ? this.pick(pair.slogans) : 'bersama rakyat';
      return { text: `RT @${pair.acct}: Terima kasih warga ${this.place()}! ${this.cap(slogan)}, kita menangkan ${race.voteDay}! #${this.pick(pair.tags)}`, tags: [], kind: 'repost', repost_of: pair.acct };
    }
    if (this.chance(0.12)) out.media = `Foto bersama ${name} di panggung kampanye, mengacungkan ${['satu', 'dua', 'tiga', 'empat'][pair.no - 1] ?? pair.no} jari`;
    return out;
  }

  party() {
    const p = this.pick(PARTIES);
    const lines = [
      `Bangga jadi kader ${p.name} sejak ${2004 + this.int(19)} 🔥`,
      `${this.pick(['Coblos', 'Pilih', 'Dukung'])} ${p.name} nomor ${p.no} untuk DPRD ${this.place()}!`,
      `Rapat pengurus DPC ${p.name} ${this.place()} malam ini, siap menangkan pemilu`,
      `Ikut konsolidasi caleg ${p.name} dapil ${1 + this.int(8)}, bismillah`,
    ];
    return { text: this.slang(this.pick(lines), 0.3), tags: this.chance(0.3) ? [`${p.name.replace(/\s+/g, '')}Menang`] : [] };
  }

  // -- records

  /** A post time between two days (local calendar days of the author), in the forms exports use. */
  date(from, to) {
    const d = from + this.int(to - from + 1);
    const local = d * 86_400 + this.int(86_400); // seconds on the author's wall clock
    const style = this.r();
    if (style < 0.06) return local - 7 * 3600; // Unix seconds (some exports), from a WIB wall clock
    if (style < 0.08) return null;
    const off = style < 0.7 ? 7 : style < 0.85 ? 8 : style < 0.9 ? 9 : 0;
    const iso = new Date(local * 1000).toISOString().slice(0, 19);
    return off === 0 ? `${iso}Z` : `${iso}+0${off}:00`;
  }

  next() {
    const i = ++this.seq;
    const author = this.authors[Math.floor(this.r() ** 2 * this.authors.length)];
    const platform = this.chance(0.85) ? author.platform : this.pick(['x', 'facebook', 'instagram', 'tiktok', 'threads', 'youtube']);
    const roll = this.r();
    let c;
    let from = SPAN_FROM;
    let to = SPAN_TO;
    const race = this.zipf(RACES);
    const pair = this.pick(race.pairs);
    if (roll < 0.82) c = this.everyday();
    else if (roll < 0.88) {
      c = this.news(race, pair);
      [from, to] = this.chance(0.7) ? race.when : [SPAN_FROM, SPAN_TO];
    } else if (roll < 0.93) {
      c = this.reminder(race);
      [from, to] = race.when;
    } else if (roll < 0.975) {
      c = this.violation(race, pair);
      [from, to] = this.chance(0.85) ? race.when : [SPAN_FROM, SPAN_TO];
    } else c = this.party();

    let text = c.text;
    const mentions = c.mentions ?? [];
    let kind = c.kind ?? 'post';
    if (kind === 'post' && this.chance(0.12)) {
      const to = this.chance(0.7) ? this.pick(this.authors).handle : this.pick(NEWS_ACCOUNTS);
      text = `@${to} ${text}`;
      mentions.push(to);
      kind = 'reply';
    } else if (kind === 'post' && this.chance(0.03)) kind = 'quote';
    const tags = c.tags ?? [];
    if (tags.length > 0) text += (this.chance(0.5) ? '\n' : ' ') + tags.map((t) => `#${t}`).join(' ');
    const links = c.links ?? [];
    if (links.length === 0 && this.chance(0.06)) {
      const l = this.link();
      text += ` ${l}`;
      links.push(l);
    }
    const created = this.date(from, to);
    const id = platform === 'x' || platform === 'tiktok' ? `17${String(1e16 + i * 7919 + this.int(7919)).slice(1)}` : platform === 'instagram' ? `C${this.rareWord()}${i.toString(36)}` : `${1e14 + i * 31 + this.int(31)}`;
    const url =
      platform === 'x' ? `https://x.com/${author.handle}/status/${id}`
      : platform === 'instagram' ? `https://www.instagram.com/p/${id}/`
      : platform === 'tiktok' ? `https://www.tiktok.com/@${author.handle}/video/${id}`
      : platform === 'facebook' ? `https://www.facebook.com/${author.handle}/posts/${id}`
      : this.chance(0.5) ? `https://www.${platform}.${platform === 'threads' ? 'net' : 'com'}/@${author.handle}/${id}` : null;
    const media = [];
    if (c.media) media.push(c.media);
    else if (this.chance(0.07)) media.push(`Foto ${this.pick(['bersama rekan kerja', 'keluarga', 'makanan', 'pemandangan', 'kegiatan kantor', 'anak-anak sekolah'])} di ${this.place()}`);
    return {
      id,
      platform,
      author: author.handle,
      author_name: author.name,
      created_at: created,
      url,
      kind,
      repost_of: c.repost_of ?? null,
      text,
      hashtags: tags,
      mentions,
      links,
      media_text: media,
    };
  }
}

/** Everyday sentence kinds (the cases of everydaySentence) grouped by theme. */
const THEMES = [
  [0, 3, 15, 20, 24, 43, 13, 26], // commute, weather, the city
  [4, 12, 13, 19, 28, 29, 39, 42, 30], // office work
  [5, 11, 16, 21, 35, 36, 44, 8, 38], // family and children
  [1, 2, 14, 27, 34, 23], // food and shopping
  [6, 7, 8, 32, 33, 17], // religion and greetings
  [9, 10, 26, 37, 31, 40], // sport and leisure
  [18, 25, 38, 24, 17], // neighbourhood and public services
  [22, 41, 45, 31, 40, 35], // moods and jokes
];

const EVERYDAY_TAGS = ['fyp', 'fypシ', 'viral', 'ASNBerAKHLAK', 'BanggaMelayaniBangsa', 'ASN', 'PNS', 'PPPK', 'GuruHebat', 'GuruSD',
  'JumatBerkah', 'KulinerBandung', 'KulinerJakarta', 'InfoJalan', 'TimnasDay', 'GarudaDiDadaku', 'Persib', 'Persija', 'Bobotoh',
  'Jakmania', 'Alhamdulillah', 'LifeOfPNS', 'Ngantor', 'WeekendMode', 'HariGuru', 'HariKartini', 'Posyandu', 'SehatBersama',
  'Mudik2024', 'Lebaran', 'RamadanBerkah', 'IndonesiaMaju', 'IndonesiaEmas2045', 'KerjaBakti', 'LariPagi', 'Drakor', 'Kucing'];

/** Writes `count` posts as JSON Lines to a file descriptor, in large blocks. */
export function writePosts(fd, count, seed = 42) {
  const g = new PostGenerator(seed);
  let buf = [];
  let size = 0;
  for (let i = 0; i < count; i++) {
    const line = `${JSON.stringify(g.next())}\n`;
    buf.push(line);
    size += line.length;
    if (size >= 1 << 20) {
      writeSync(fd, buf.join(''));
      buf = [];
      size = 0;
    }
  }
  if (buf.length > 0) writeSync(fd, buf.join(''));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const count = Number(args[0]);
  const seedAt = args.indexOf('--seed');
  const outAt = args.indexOf('-o');
  if (!Number.isInteger(count) || count < 0) {
    process.stderr.write('usage: node bench/generate.js COUNT [--seed N] [-o FILE]\n');
    process.exit(2);
  }
  const seed = seedAt >= 0 ? Number(args[seedAt + 1]) : 42;
  const fd = outAt >= 0 ? openSync(args[outAt + 1], 'w') : 1;
  writePosts(fd, count, seed);
  if (fd !== 1) closeSync(fd);
}
