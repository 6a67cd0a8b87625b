// Context: the difference between "ayo coblos 02" and "ASN dilarang mengajak coblos paslon manapun".
// The cue words are data (lists in rules/context.yaml); what each kind of context does to a finding is here:
// - prohibition/neutrality framing suppresses support cues in its scope, or turns a named target into an attack;
// - voter education (TPS, DPT, debate schedules naming every pair) is not support;
// - a neutral news share (reporting verbs, outlets, links, no stance of the poster's own) is at most a mention;
// - a post far from an election's dates gets lower confidence for that election.

import type { Category, Modifier } from '../model.js';
import { CUE, outOfWindowCue } from './cues.js';
import { FLAG, TK, type Analysis } from '../text/analyse.js';
import type { Compiled } from '../rules/compile.js';
import type { EntityType, RuleDef } from '../rules/types.js';
import type { Hit } from './trie.js';
import type { EHit, Match } from './evaluate.js';
import type { Attribution } from './attribution.js';
import { isVerbPattern, type Facts } from './facts.js';
import { monthNumber } from '../sources/time.js';

export interface ContextResult {
  suppressed: boolean;
  stance: 'support' | 'against';
  factor: number;
  modifiers: Modifier[];
}

const SUPPORT: ReadonlySet<Category> = new Set(['endorsement', 'candidate_symbol', 'campaign_slogan', 'campaign_hashtag', 'campaign_activity', 'party_support', 'candidate_mention']);
const EDUCATION_APPLIES: ReadonlySet<Category> = new Set(['endorsement', 'candidate_symbol', 'campaign_slogan', 'candidate_mention']);
const FIRST_PERSON_CLAIMS: ReadonlySet<Category> = new Set(['campaign_activity']);
const FAR_IRRELEVANT: ReadonlySet<Category> = new Set(['candidate_mention', 'campaign_slogan', 'campaign_hashtag']);
const NAME_TYPES: ReadonlySet<string> = new Set(['candidate_name', 'campaign_hashtag', 'account']);
const NEWS_APPLIES: ReadonlySet<Category> = new Set(['endorsement', 'candidate_symbol', 'campaign_slogan', 'campaign_activity', 'party_support']);

/** Per-post context facts, computed once and shared by all findings of the post. */
export interface PostContext {
  notice: boolean;
  neutralSubject: Hit[];
  prohibition: Hit[];
  contrast: Hit[];
  genericObject: Hit[];
  personal: Hit[];
  education: boolean;
  news: string | null;
  /** Elections for which the post names two or more different candidates. */
  balanced: Set<string>;
  /** Candidates the post points at by more than a slogan word: a name, number, gesture, hashtag or account. */
  pointed: Set<string>;
  /** Candidates the post points at by more than a slogan word or a finger sign: a name, number, hashtag or account. */
  beyondSign: Set<string>;
  /** The post names a race, elections in general or voting ("pilpres", "pemilu", "capres", "TPS"). */
  raceNamed: boolean;
  /** A congratulation cue (selamat, congrats): after the vote, that is a citizen's courtesy, not campaigning. */
  congratulation: string | null;
  /** Another kind of vote (OSIS, RT, a photo contest): its numbers and "coblos" are not about an election. */
  otherVote: string | null;
  /** Every list hit, for rules' own `unless` lists. */
  lists: Map<string, Hit[]>;
  /** The post's references to candidates, parties and elections. */
  entityHits: EHit[];
  /** The post shares someone else's post without words of its own (kind repost). */
  repost: boolean;
  /** The post quotes someone else's post with words of its own (kind quote): the words are the poster's. */
  quote: boolean;
  /** The post is the account owner's like of someone else's post (kind like): its text is the liked post's. */
  like: boolean;
}

/** Lists whose words say the poster takes part, joins or calls others: a campaign's post beside them is no landmark. */
const PART_LISTS = ['first_person', 'attend_words', 'call_words'];
/** Lists whose words campaign: a post with one of them is no report of an office's work (dutyCue). */
const CAMPAIGN_WORDS = ['support_verbs', 'vote_verbs', 'call_words', 'victory_words', 'wish_words', 'campaign_events', 'campaign_roles', 'campaign_attributes', 'next_term'];
/** References that campaign wherever they stand: a ballot number, a finger sign, a slogan, a campaign hashtag. */
const CAMPAIGN_SIGNS = new Set<EntityType>(['ballot_number', 'bare_number', 'gesture', 'slogan', 'campaign_hashtag', 'against', 'empty_column']);

/** No hits, as an array of the element kind hit lists have: [] alone is of another kind, which deoptimised readers. */
const NO_HITS: Hit[] = [null as unknown as Hit].slice(1);

const cueText = (a: Analysis, hits: Hit[]): string => {
  const h = hits[0];
  const toks = a.tokens.slice(h.from, h.to + 1);
  return a.fields[toks[0].field].text.slice(toks[0].start, toks[toks.length - 1].end);
};

export class ContextJudge {
  private readonly newsDomains: string[];

  constructor(private readonly c: Compiled) {
    // Outlet names double as link domains: "detik" matches detik.com, news.detik.com.
    const outlets = c.ruleSet.lists.get('news_outlet') ?? [];
    this.newsDomains = outlets.map((t) => t.text.toLowerCase().replace(/[^a-z0-9]/g, '')).filter((d) => d.length >= 4);
    for (const e of c.elections.values()) {
      const v = /^\d{4}-(\d{2})-(\d{2})$/.exec(e.def.dates.voting ?? '');
      if (v && e.campaignTo !== null) this.votingDays.push({ month: Number(v[1]), date: Number(v[2]), day: e.campaignTo });
    }
  }

  /** Each loaded race's voting day: its month and date, and its day number. */
  private readonly votingDays: { month: number; date: number; day: number }[] = [];

  /**
   * Whether the post names a race's voting day: "14 Februari", "27 Nov", or "tanggal 14" written in the six weeks
   * before a vote on the 14th. Like a race's name, the date says what a number and a finger sign are about.
   */
  private votingDayNamed(a: Analysis, day: number | null): boolean {
    const toks = a.tokens;
    for (let i = 0; i < toks.length; i++) {
      const t = toks[i];
      if (t.kind !== TK.Number || t.t.length > 2) continue;
      const date = Number(t.t);
      const next = toks[i + 1];
      const prev = toks[i - 1];
      const month = next !== undefined && next.sent === t.sent && next.kind === TK.Word ? monthNumber(next.t) : undefined;
      const dated = prev !== undefined && prev.sent === t.sent && (prev.t === 'tanggal' || prev.t === 'tgl');
      for (const v of this.votingDays) {
        if (v.date !== date) continue;
        if (month !== undefined ? month === v.month : dated && day !== null && day <= v.day && v.day - day <= 42) return true;
      }
    }
    return false;
  }

  /** The first outlet domain (in list order) that one of the hosts contains. */
  private newsDomainIn(hosts: string[]): string | undefined {
    for (const dom of this.newsDomains) for (const h of hosts) if (h.includes(dom)) return dom;
    return undefined;
  }

  postContext(a: Analysis, facts: Facts, links: string[], repostOf: string | null, kind: string): PostContext {
    const get = (n: string) => facts.lists.get(n) ?? NO_HITS;
    const own = (hs: Hit[]) => hs.filter((h) => (a.tokens[h.from].flags & FLAG.Quoted) === 0);
    // "jangan lupa coblos 02" is a reminder to vote, not a prohibition.
    const notProhibition = get('not_prohibition');
    const prohibition = get('prohibition').filter((h) => !notProhibition.some((n) => n.from <= h.from && n.to >= h.to));
    const neutralSubject = get('neutral_subject');
    const notice = get('neutral_notice').length > 0 || (neutralSubject.length > 0 && prohibition.length > 0);
    // A news share: a repost of an outlet, a link to an outlet, or a reporting verb together with a link or an
    // outlet's name. A bare "katanya" or "via" in a caption is ordinary speech, not news.
    let news: string | null = null;
    const reporting = get('reporting');
    const outlet = get('news_outlet');
    // Plain loops: spreads and callbacks over arrays of varying element kinds made this function deoptimise often.
    const hosts: string[] = [];
    for (let i = 0; i < links.length; i++) hosts.push(hostOf(links[i]));
    for (let i = 0; i < a.tokens.length; i++) if (a.tokens[i].kind === TK.Url) hosts.push(hostOf(a.tokens[i].t));
    const rp = (repostOf ?? '').toLowerCase().replace(/[^a-z0-9]/g, '');
    const domain = hosts.length > 0 ? this.newsDomainIn(hosts) : undefined;
    const repostOfOutlet = rp !== '' ? this.newsDomainIn([rp]) : undefined;
    if (repostOfOutlet) news = `@${repostOf}`;
    else if (domain) news = domain;
    else if (reporting.length > 0 && (hosts.length > 0 || outlet.length > 0)) news = cueText(a, reporting);
    // Balanced: two or more pairs of one race named outright (not by a bare number or a gesture).
    const byElection = new Map<string, Set<string>>();
    for (const h of facts.entityHits)
      for (const r of h.refs) {
        if (r.cand === null || r.party || r.strength < 1 || r.types.every((t) => t === 'bare_number' || t === 'gesture' || t === 'against' || t === 'empty_column' || t === 'slogan')) continue;
        let s = byElection.get(r.election);
        if (!s) byElection.set(r.election, (s = new Set()));
        s.add(r.cand);
      }
    const balanced = new Set<string>();
    // In a race with a single pair, the empty column is the other option: the pair and the column named together —
    // not "tong milih kolom kosong", which takes the pair's side.
    const emptyColumn = get('empty_column').some((h) => !hitBefore(a, prohibition, h.from, 3) && !hitBefore(a, get('negation'), h.from, 3));
    for (const [e, s] of byElection) if (s.size >= 2 || (emptyColumn && this.c.elections.get(e)?.candidateCount === 1)) balanced.add(e);
    const pointed = new Set<string>();
    const beyondSign = new Set<string>();
    // Voting words count too: "ayo ke TPS, saatnya perubahan ☝️" is about the vote.
    let raceNamed = get('election_word').length > 0 || get('voter_education').length > 0;
    for (const h of facts.entityHits)
      for (const r of h.refs) {
        if (r.cand === null) {
          if (r.types.includes('election')) raceNamed = true;
          continue;
        }
        if (!r.types.every((t) => t === 'slogan')) pointed.add(r.cand);
        if (!r.types.every((t) => t === 'slogan' || t === 'gesture')) beyondSign.add(r.cand);
      }
    return {
      notice,
      neutralSubject,
      prohibition,
      contrast: get('contrast'),
      genericObject: get('generic_object'),
      personal: own(get('personal_stance')),
      education: get('voter_education').length > 0,
      news,
      balanced,
      pointed,
      beyondSign,
      raceNamed,
      congratulation: get('congratulation').length > 0 ? cueText(a, get('congratulation')) : null,
      otherVote: get('other_vote').length > 0 ? cueText(a, get('other_vote')) : null,
      lists: facts.lists,
      entityHits: facts.entityHits,
      repost: kind === 'repost',
      quote: kind === 'quote',
      like: kind === 'like',
    };
  }

  /**
   * The office title before a name reference to `cand` among `hits` ("Gubernur Jabar Dedi Mulyadi": up to two words
   * between), and with `work`, only where a word of official work stands right before that title ("program
   * prioritas Presiden …"). Returns the quoted cue, or null.
   */
  private officeCue(a: Analysis, hits: EHit[], cand: string, pc: PostContext, work: boolean): string | null {
    const toks = a.tokens;
    const titles = pc.lists.get('office_title') ?? NO_HITS;
    if (titles.length === 0) return null;
    const works = work ? (pc.lists.get('official_work') ?? NO_HITS) : NO_HITS;
    for (const e of hits) {
      if (!e.refs.some((r) => r.cand === cand && r.types.some((t) => NAME_TYPES.has(t)))) continue;
      const sent = toks[e.from].sent;
      for (const t of titles) {
        if (t.to >= e.from || e.from - t.to > 3 || toks[t.from].sent !== sent) continue;
        if (!work) return cueText(a, [t]);
        const w = works.find((x) => x.to < t.from && t.from - x.to <= 3 && toks[x.from].sent === sent);
        if (w) return `${cueText(a, [w])} … ${cueText(a, [t])}`;
      }
    }
    return null;
  }

  /**
   * A question in a quote's own words: a question mark, or a word of asking (list question), with no word of support,
   * voting, calling, cheering or agreeing among them. Returns the cue, or null.
   */
  private questionCue(a: Analysis, pc: PostContext): string | null {
    const own = a.fields.findIndex((f) => f.field === 'text');
    if (own < 0) return null;
    const mine = (h: Hit) => a.tokens[h.from].field === own;
    for (const l of QUOTE_SUPPORT_LISTS) if ((pc.lists.get(l) ?? NO_HITS).some(mine)) return null;
    const asked = (pc.lists.get('question') ?? NO_HITS).find(mine);
    if (asked !== undefined) return cueText(a, [asked]);
    return a.fields[own].text.includes('?') ? '?' : null;
  }

  /**
   * The work of an office in a shared candidate's post (list duty_report), when nothing in the post campaigns: no
   * word of support, voting, calling, victory or campaign events, and no number, sign, slogan or campaign hashtag.
   * Not for a party's post: a party holds no office. Returns the quoted cue, or null.
   */
  private dutyCue(a: Analysis, attr: Attribution, pc: PostContext): string | null {
    const duty = pc.lists.get('duty_report');
    if (duty === undefined || attr.election === null) return null;
    const e = this.c.elections.get(attr.election);
    if (e === undefined || e.def.parties.length > 0) return null;
    for (const l of CAMPAIGN_WORDS) if (pc.lists.has(l)) return null;
    if (pc.entityHits.some((h) => h.refs.some((r) => r.types.some((t) => CAMPAIGN_SIGNS.has(t))))) return null;
    return cueText(a, duty);
  }

  /**
   * After the candidate's race (the post later than its window), the words of the next race in the post: a second
   * term anywhere ("2 periode", "#Prabowo2Periode"), or the year of the next vote within two words of the
   * candidate's name, not as a period's end ("2025-2029", "sampai 2029").
   */
  private nextElectionCue(a: Analysis, attr: Attribution, pc: PostContext, day: number | null): string | null {
    const e = attr.election !== null ? this.c.elections.get(attr.election) : undefined;
    // The candidate must be named: "dua periode" alone is also a 2017 slogan, and any village head's second term.
    if (day === null || !e || e.appliesTo === null || day <= e.appliesTo || !attr.named) return null;
    const term = pc.lists.get('next_term');
    if (term) return cueText(a, term);
    const years = pc.lists.get('next_vote_year');
    if (!years) return null;
    const toks = a.tokens;
    const not = pc.lists.get('not_next_vote_year') ?? NO_HITS;
    for (const y of years) {
      const prev = toks[y.from - 1];
      if (prev && prev.sent === toks[y.from].sent && (prev.kind === TK.Number || not.some((h) => h.to === y.from - 1))) continue;
      const named = pc.entityHits.some(
        (h) => toks[h.from].sent === toks[y.from].sent && (h.from > y.to ? h.from - y.to : y.from - h.to) <= 2 && h.refs.some((r) => r.cand === attr.candidate && r.types.some((t) => NAME_TYPES.has(t))),
      );
      if (named) return cueText(a, [y]);
    }
    return null;
  }

  /**
   * Whether a match opens a call of its own after a "do not" with its own verb: in "jangan pilih 01, coblos 02" the
   * comma and a fresh vote word start another call, which the "jangan" does not reach. Both must hold: the match
   * begins with a vote or support word right after a comma or semicolon, and a vote or support word stands between
   * the cue and that break ("dilarang keras: pilih 02", "jangan sampai salah, coblos 02" stay in the cue's scope).
   */
  private restartsAfter(a: Analysis, m: Match, cue: Hit, pc: PostContext): boolean {
    const toks = a.tokens;
    const start = m.from;
    const prev = toks[start - 1];
    if (!prev || prev.clause === toks[start].clause || prev.field !== toks[start].field) return false;
    if (!m.hits.some((h) => h.from === start && isVerbPattern(this.c, h.pat))) return false;
    const between = a.fields[toks[start].field].text.slice(prev.end, toks[start].start);
    if (!/[,;]/.test(between)) return false;
    const verbBetween = (h: Hit) => h.from > cue.to && h.to < start && toks[h.to].clause === toks[cue.to].clause;
    return (pc.lists.get('vote_verbs') ?? NO_HITS).some(verbBetween) || (pc.lists.get('support_verbs') ?? NO_HITS).some(verbBetween);
  }

  /**
   * The relative whose part a role before `start` is, across their possessive and the words of taking part:
   * "ponakan saya ikut jadi relawan Kang Dedi" (ponakan … relawan), in one clause.
   */
  private kinSubject(a: Analysis, kin: Hit[], start: number, pc: PostContext): Hit | undefined {
    const toks = a.tokens;
    const between = new Set<number>();
    for (const l of ['first_person', 'attend_words'])
      for (const h of pc.lists.get(l) ?? NO_HITS) for (let i = h.from; i <= h.to; i++) between.add(i);
    return kin.find((k) => {
      if (k.to >= start || start - k.to > 5 || toks[k.to].clause !== toks[start].clause) return false;
      for (let i = k.to + 1; i < start; i++) if (!between.has(i)) return false;
      return true;
    });
  }

  /**
   * "menang" when it is the match's only word of support, said of the candidate rather than wished for them or said
   * in the team's voice, and not inside a hashtag ("#PKBMenang" is the campaign's own chant): the word, else null.
   */
  private winCue(a: Analysis, m: Match): string | null {
    const toks = a.tokens;
    const verbs = m.hits.filter((h) => isVerbPattern(this.c, h.pat));
    if (verbs.length === 0 || !verbs.every((h) => h.from === h.to && toks[h.from].t === 'menang' && (toks[h.from].flags & FLAG.InTag) === 0)) return null;
    for (const v of verbs)
      for (let i = v.from - 1; i >= 0 && v.from - i <= 3 && toks[i].sent === toks[v.from].sent; i--) if (NOT_A_RESULT.has(toks[i].t)) return null;
    return cueText(a, [verbs[0]]);
  }

  judge(rule: RuleDef, a: Analysis, m: Match, attr: Attribution, pc: PostContext, day: number | null): ContextResult {
    const mods: Modifier[] = [];
    let factor = 1;
    let stance: 'support' | 'against' = rule.stance;
    const cat = rule.category;
    const ignores = (k: string) => rule.ignore_context.includes(k);
    const toks = a.tokens;
    const start = m.from;
    const sent = toks[start].sent;

    const contrastBetween = (from: number, to: number) => pc.contrast.some((h) => h.from > from && h.from < to);
    const inList = (h: Hit, l: string) => this.c.patterns[h.pat].lists.includes(l);
    // A finding that stands on a camp's own phrase against the pair ("salam 4 jari", "coblos kotak kosong").
    const againstPhrase = rule.stance === 'against' && m.hits.length > 0 && m.hits.every((h) => h.refs.some((r) => r.types.includes('against')));

    // 0a. A repost's text is someone else's: "saya ikut kampanye" in it is the original author speaking. Sharing it is
    // still caught (repost of a candidate account, support in the shared text); first-person claims are not. A liked
    // post's text is someone else's in the same way.
    if ((pc.repost || pc.like) && FIRST_PERSON_CLAIMS.has(cat) && m.hits.every((h) => a.fields[toks[h.from].field].field === 'text')) {
      mods.push(pc.like ? { kind: 'liked_text', effect: 'suppress', cue: CUE.likedText } : { kind: 'repost_text', effect: 'suppress', cue: CUE.repostText });
      return { suppressed: true, stance, factor, modifiers: mods };
    }
    // 0a'. Liking a post that merely names a candidate (a news item, an event notice) shows no stance: a mention is
    // worth a look in the account's own words, not in every post it liked. Support in the liked post still counts.
    if (pc.like && cat === 'candidate_mention') {
      mods.push({ kind: 'like_of_mention', effect: 'suppress', cue: CUE.likeOfMention });
      return { suppressed: true, stance, factor, modifiers: mods };
    }

    // 0. The rule's own cancelling words, in the sentences the match spans.
    for (const name of rule.unless) {
      const hit = (pc.lists.get(name) ?? []).find((h) => toks[h.from].sent >= toks[m.from].sent && toks[h.from].sent <= toks[m.to].sent);
      if (hit) {
        mods.push({ kind: `unless:${name}`, effect: 'suppress', cue: cueText(a, [hit]) });
        return { suppressed: true, stance, factor, modifiers: mods };
      }
    }
    // Another kind of vote: numbers and "coblos" belong to it unless a candidate is named.
    if (pc.otherVote !== null && SUPPORT.has(cat) && !attr.named) {
      mods.push({ kind: 'other_vote', effect: 'suppress', cue: pc.otherVote });
      return { suppressed: true, stance, factor, modifiers: mods };
    }
    // 0b. After the race's inauguration, a winner named by the title of the office ("Presiden Prabowo", "Gubernur
    // Jabar Dedi Mulyadi") is the official at work. Naming them is no mention of a candidate; carrying out their
    // programme or instruction ("mendukung program prioritas Presiden Prabowo", "arahan Gubernur Ahmad Luthfi") is
    // the job. Support without such a word ("dukung Presiden Prabowo 2 periode") is judged as before.
    if (!ignores('office_holder') && !pc.lists.has('next_term') && day !== null && attr.candidate !== null && attr.election !== null && SUPPORT.has(cat)) {
      const e = this.c.elections.get(attr.election);
      if (e && e.inauguratedFrom !== null && day >= e.inauguratedFrom) {
        const cue = this.officeCue(a, cat === 'candidate_mention' ? pc.entityHits : m.hits, attr.candidate, pc, cat !== 'candidate_mention');
        if (cue !== null) {
          mods.push({ kind: 'office_holder', effect: 'suppress', cue });
          return { suppressed: true, stance, factor, modifiers: mods };
        }
      }
    }
    const personalAt = (h: Hit) => toks[h.from].sent === sent && !contrastBetween(Math.min(h.from, start), Math.max(h.from, start));
    const personalInSentence = pc.personal.some(personalAt);

    // 1. Prohibition and neutrality framing.
    if (!ignores('prohibition') && SUPPORT.has(cat)) {
      const cue = pc.prohibition.find((h) => toks[h.from].sent === sent && h.to < start && start - h.to <= 12 && !contrastBetween(h.to, start) && !this.restartsAfter(a, m, h, pc));
      const contrastBefore = pc.contrast.some((h) => toks[h.from].sent === sent && h.from < start);
      // Inside a notice a finger emoji is described ("foto pose ☝️"), not made: only the poster's words take it back.
      // An office's "we" ("Kami menemukan pola baru: … (g4nj4r, c0bl0s)") is the notice's own voice: a first person
      // that is no single person's (not in the list self).
      const self = pc.lists.get('self') ?? NO_HITS;
      const ours = (h: Hit) => (pc.lists.get('first_person') ?? NO_HITS).some((x) => x.from === h.from) && !self.some((x) => x.from === h.from);
      const inNotice = pc.notice && !contrastBefore && !pc.personal.some((h) => toks[h.from].kind !== TK.Emoji && !ours(h) && personalAt(h));
      if (cue || inNotice) {
        const neutralFraming = pc.notice || pc.genericObject.some((h) => toks[h.from].sent === sent);
        const cueWord = cue ? cueText(a, [cue]) : cueText(a, pc.neutralSubject.length > 0 ? pc.neutralSubject : pc.prohibition.length > 0 ? pc.prohibition : pc.contrast);
        if (neutralFraming || attr.candidate === null || cat === 'candidate_mention') {
          mods.push({ kind: 'prohibition', effect: 'suppress', cue: cueWord });
          return { suppressed: true, stance, factor, modifiers: mods };
        }
        if ((cat === 'endorsement' || cat === 'party_support') && cue && stance === 'support') {
          // "jangan pilih 02", "jgn pilih partai X": telling people not to vote for a named pair or party is taking
          // sides too — against it.
          stance = 'against';
          factor *= 0.9;
          mods.push({ kind: 'attack', effect: 'retarget', cue: cueWord, factor: 0.9 });
        } else if (cue && againstPhrase && stance === 'against') {
          // "Jangan coblos kotak kosong!": refusing the call against the pair takes the pair's side.
          stance = 'support';
          factor *= 0.9;
          mods.push({ kind: 'refusal', effect: 'retarget', cue: cueWord, factor: 0.9 });
        }
      }
    }

    // 1a. An event that offices and clubs hold too ("jalan sehat HUT Korpri", "rapat konsolidasi anggaran") is a
    // campaign's only where the post names a candidate, a party or an election.
    if (cat === 'campaign_activity' && attr.candidate === null && !pc.raceNamed) {
      const generic = m.hits.find((h) => inList(h, 'campaign_events_generic'));
      const political = m.hits.some((h) => inList(h, 'campaign_events') || inList(h, 'campaign_roles') || inList(h, 'campaign_places'));
      // A ballot number counts ("konvoi 02"); a bare digit or a finger sign does not ("jalan sehat 5K ✌️").
      const named = pc.entityHits.some((h) => h.refs.some((r) => r.strength >= 1 || r.types.includes('ballot_number')));
      if (generic && !political && !named) {
        mods.push({ kind: 'generic_event', effect: 'suppress', cue: cueText(a, [generic]) });
        return { suppressed: true, stance, factor, modifiers: mods };
      }
    }

    // 1b. A denial of taking part ("saya tidak ikut kampanye", "gak pernah jadi relawan"): a negation within three
    // words before the word of taking part. A civil servant saying they stay out is the opposite of a breach; a
    // relative's part is the relative's.
    if (cat === 'campaign_activity' && !ignores('prohibition')) {
      const attend = m.hits.find((h) => inList(h, 'attend_words'));
      const neg = attend && hitBefore(a, pc.lists.get('negation') ?? NO_HITS, attend.from, 3);
      if (neg) {
        mods.push({ kind: 'negation', effect: 'suppress', cue: cueText(a, [neg]) });
        return { suppressed: true, stance, factor, modifiers: mods };
      }
      // Someone else's part: "Suami saya ikut kampanye", "Anak saya jadi saksi" (the "saya" is whose), "Istriku
      // jadi relawan Ganjar". Not "Saya dan suami ikut kampanye", "bareng suami ikut kampanye", nor a photo "bersama
      // teman-teman memakai kaos …" (the poster is in it).
      const kin = kinHits(pc);
      if (kin.length > 0) {
        const me = m.hits.find((h) => inList(h, 'first_person'));
        const whose = me
          ? kin.find((k) => toks[k.from].sent === toks[me.from].sent && k.from < me.from && k.to >= me.from - 1)
          : !attend && m.hits.some((h) => inList(h, 'campaign_roles'))
            ? (hitBefore(a, kin, start, 2) ?? this.kinSubject(a, kin, start, pc))
            : undefined;
        if (whose) {
          mods.push({ kind: 'someone_else', effect: 'suppress', cue: cueText(a, [whose]) });
          return { suppressed: true, stance, factor, modifiers: mods };
        }
      }
    }

    // 1b0. Declined: asked to take part and refused ("Ketua poktan minta saya jadi saksi … Saya tolak, ASN tdk
    // boleh"), or a party's event the poster did not attend ("Dapet undangan HUT PDI Perjuangan … mohon maaf tidak
    // bisa hadir"): every word of attending in the post has a negation right before it.
    if (cat === 'campaign_activity' || (cat === 'party_support' && m.hits.some((h) => inList(h, 'party_events')))) {
      const me = m.hits.find((h) => inList(h, 'first_person'));
      const asked = me && hitBefore(a, pc.lists.get('request') ?? NO_HITS, me.from, 1);
      const refused = asked && (pc.lists.get('refusal_words') ?? NO_HITS).find((h) => h.from > asked.to);
      const attends = cat === 'party_support' ? (pc.lists.get('attend_words') ?? NO_HITS) : NO_HITS;
      const negations = pc.lists.get('negation') ?? NO_HITS;
      const negated = attends.length > 0 && attends.every((h) => hitBefore(a, negations, h.from, 3));
      const cue = refused ?? (negated ? hitBefore(a, negations, attends[0].from, 3) : undefined);
      if (cue !== undefined) {
        mods.push({ kind: 'declined', effect: 'suppress', cue: cueText(a, [cue]) });
        return { suppressed: true, stance, factor, modifiers: mods };
      }
    }

    // 1b''. A campaign's post or team as a landmark: "kunci motor ditemukan di depan posko pemenangan paslon 3". It
    // says where something is. Not when the poster takes part, joins or calls anyone in that sentence.
    if (cat === 'campaign_activity') {
      const place = m.hits.find((h) => inList(h, 'campaign_roles') || inList(h, 'campaign_places'));
      const where = place && hitBefore(a, pc.lists.get('landmark') ?? NO_HITS, place.from, 1);
      const own = (h: Hit) => toks[h.from].sent === toks[place!.from].sent;
      if (where && !PART_LISTS.some((l) => (pc.lists.get(l) ?? NO_HITS).some(own))) {
        mods.push({ kind: 'landmark', effect: 'suppress', cue: cueText(a, [where]) });
        return { suppressed: true, stance, factor, modifiers: mods };
      }
    }

    // 1b'. A campaign attribute the poster only saw, or someone else put up: "Liat baliho Pak Ganjar di depan kantor",
    // "Tetangga sebelah nempel stiker Luluk–Lukman di pintu". Wearing, handing out or putting one up is the breach;
    // seeing one, or a neighbour's, is worth a look. Not "saya dan tetangga pasang stiker 02", "foto bersama teman-teman
    // memakai kaos …": the poster is in it.
    if (cat === 'campaign_activity') {
      const item = m.hits.find((h) => inList(h, 'campaign_attributes'));
      if (item) {
        const seen = hitBefore(a, pc.lists.get('seen_only') ?? NO_HITS, item.from, 2) ?? hitAfter(a, pc.lists.get('seen_behind') ?? NO_HITS, item.to, 5);
        const clause = toks[item.from].clause;
        const theirs = (k: Hit) => toks[k.from].clause === clause && k.to < item.from && item.from - k.to <= 3;
        // A relative's, or other people's: "dua kader memakai kaos bergambar 'Khofifah-Emil'", "warga pasang stiker …".
        const kin = seen ? undefined : [...kinHits(pc), ...(pc.lists.get('third_party') ?? NO_HITS)].find(theirs);
        const meToo =
          kin !== undefined &&
          (TOGETHER.has(toks[kin.from - 1]?.t ?? '') || (pc.lists.get('first_person') ?? NO_HITS).some((h) => toks[h.from].sent === toks[item.from].sent && h.to < item.from));
        const cue = seen ?? (meToo ? undefined : kin);
        if (cue !== undefined) {
          factor *= 0.7;
          mods.push({ kind: seen ? 'seen_only' : 'someone_else', effect: 'downgrade', cue: cueText(a, [cue]), factor: 0.7 });
        }
      }
    }

    // 1b'''. A hypothesis: a victory the poster only supposes ("kalau menang jangan lupa guru PPPK"), or a pledge to
    // take part in a race that may never be ("Kalau beneran maju, saya siap jadi relawan"). For review. A call after
    // an "if" clause ("kalau mau Indonesia maju, pilih 02") is a call: only the pledge of taking part is covered.
    const conds = pc.lists.get('conditional');
    if (conds !== undefined && SUPPORT.has(cat) && cat !== 'candidate_mention') {
      const won = (pc.lists.get('victory_words') ?? NO_HITS).find((v) => m.hits.some((h) => h.from <= v.from && v.to <= h.to));
      const cue =
        won !== undefined
          ? hitBefore(a, conds, won.from, 1)
          : cat === 'campaign_activity' && !(pc.lists.get('call_words') ?? NO_HITS).some((h) => toks[h.from].sent === sent)
            ? hitBefore(a, conds, start, 6)
            : undefined;
      if (cue !== undefined) {
        factor *= 0.6;
        mods.push({ kind: 'conditional', effect: 'downgrade', cue: cueText(a, [cue]), factor: 0.6 });
      }
    }

    // 1c. Negation right before the support word: "ora milih nomer siji", "tidak pilih 02" is against that pair.
    // "Tidak pilih kotak kosong" turns a camp's phrase against the pair round, to the pair's side.
    if ((cat === 'endorsement' || cat === 'party_support') && (stance === 'support' || (againstPhrase && stance === 'against')) && attr.candidate !== null && !ignores('prohibition')) {
      // A negation turns what it stands right before: the vote or support word with no name between ("ora milih
      // nomer siji", "gak akan pilih Prabowo"), or the name of the very pair the finding is about ("asal bukan
      // Ganjar, pokoknya …": against Ganjar). A match can start at a name further back: in "asal bukan Ganjar,
      // pokoknya coblos 2" the "bukan" is Ganjar's, and the call for 2 stays support.
      const negs = pc.lists.get('negation') ?? NO_HITS;
      const negBefore = (at: number) => hitBefore(a, negs, at, 2);
      const verb = m.hits.find((h) => isVerbPattern(this.c, h.pat));
      let neg = verb ? negBefore(verb.from) : undefined;
      if (neg && pc.entityHits.some((e) => e.from > neg!.to && e.from < verb!.from)) neg = undefined;
      if (!neg) {
        const n = negBefore(start);
        if (n && (!verb || pc.entityHits.some((e) => e.from > n.to && e.from - n.to <= 2 && e.refs.some((r) => r.cand === attr.candidate)))) neg = n;
      }
      // "Tidak ada pilihan lain selain 02", "ora ono pilihan liyane kejaba Mas Rahmat": no choice but that pair.
      const onlyThisOne = neg !== undefined && (pc.lists.get('exception') ?? []).some((h) => h.from > neg.to && h.to < m.to);
      if (neg && !onlyThisOne) {
        stance = stance === 'support' ? 'against' : 'support';
        factor *= 0.9;
        mods.push({ kind: 'negation', effect: 'retarget', cue: cueText(a, [neg]), factor: 0.9 });
      }
    }

    // 2. Voter education: turnout calls and material naming the pairs evenly favour nobody. A call for one named
    // pair stays a call even next to "ke TPS".
    if (!ignores('voter_education') && EDUCATION_APPLIES.has(cat) && pc.education) {
      // A slogan that is an ordinary word ("perubahan jadwal … pemilu"), with no name, number or gesture of its pair
      // anywhere in the post, favours nobody in a post about how to vote.
      const sloganOnly = cat === 'campaign_slogan' && attr.candidate !== null && !pc.pointed.has(attr.candidate);
      // "Pemilih boleh mencoblos kolom kosong, suaranya sah": in a single-pair race, how the empty column counts is
      // what voter education explains, in the call's own sentence. The poster's own voice ("ayo", "saya") makes it
      // a call, and the column's hashtag is a campaign's, not KPU's.
      const inMatch = (h: Hit) => toks[h.from].sent >= toks[m.from].sent && toks[h.from].sent <= toks[m.to].sent;
      const columnRule =
        !personalInSentence &&
        m.hits.some((h) => h.refs.some((r) => r.cand === attr.candidate && r.types.includes('empty_column'))) &&
        ((pc.lists.get('voter_education') ?? NO_HITS).some(inMatch) || (pc.lists.get('vote_validity') ?? NO_HITS).some(inMatch)) &&
        !pc.entityHits.some((h) => toks[h.from].kind === TK.Hashtag && h.refs.some((r) => r.types.includes('empty_column')));
      const favoursNobody = attr.candidate === null || sloganOnly || columnRule || (attr.election !== null && pc.balanced.has(attr.election) && !personalInSentence);
      if (favoursNobody) {
        mods.push({ kind: 'voter_education', effect: 'suppress', cue: CUE.voterEducation });
        return { suppressed: true, stance, factor, modifiers: mods };
      }
    }

    // 2b. A slogan in a post that names two or more pairs of its race, or every pair at once in its sentence
    // ("ketiga paslon … keberlanjutan vs perubahan"), without a stance of the poster's own in that sentence,
    // compares them ("Anies masak rendang, Prabowo joget, Ganjar sat set"): for review, not an accusation.
    // A hit in a sentence that holds one of the match's own hits (not every sentence a long match spans).
    const inHitSentences = (h: Hit) => m.hits.some((x) => toks[x.from].sent === toks[h.from].sent);
    const allPairs = () => (pc.lists.get('all_pairs') ?? NO_HITS).some((h) => toks[h.from].sent === sent);
    // Or the slogans of two pairs of one race in the sentence: "Capres versi kucing: yang satu pinter ngomong, yang satu
    // gemoy, yang satu gerak cepat", "perubahan atau lanjutkan?" — whether the match settles on one pair or on none.
    const otherSlogan = () =>
      pc.entityHits.some((h) => inHitSentences(h) && h.refs.some((r) => r.election === attr.election && r.cand !== null && r.cand !== attr.candidate && r.types.includes('slogan')));
    const twoSlogans = () => attr.alternatives.length > 1 && new Set(attr.alternatives.map((k) => k.slice(0, k.lastIndexOf(':')))).size === 1;
    const compared = attr.election !== null ? pc.balanced.has(attr.election) || allPairs() || otherSlogan() : twoSlogans();
    if (cat === 'campaign_slogan' && compared && !personalInSentence) {
      factor *= 0.7;
      mods.push({ kind: 'several_pairs', effect: 'downgrade', cue: CUE.severalPairs, factor: 0.7 });
    }

    // A word of support, voting or calling in the match's sentence.
    const supportWord = () => SUPPORT_WORD_LISTS.some((l) => (pc.lists.get(l) ?? NO_HITS).some((h) => toks[h.from].sent === sent));
    // 2b''. A match that names two or more candidates by name and settles on none, with no word of support or of the
    // poster's own: an explanation or a comparison ("nomor 3 di Jakarta itu Pramono–Rano, nomor 3 di Jatim Risma–Gus
    // Hans"), whatever races they run in. For review.
    if (cat !== 'campaign_slogan' && cat !== 'candidate_mention' && cat !== 'repost' && attr.candidate === null && !personalInSentence) {
      const named = new Set<string>();
      for (const h of m.hits) for (const r of h.refs) if (r.cand !== null && r.types.includes('candidate_name')) named.add(r.cand);
      if (named.size >= 2 && !supportWord()) {
        factor *= 0.7;
        mods.push({ kind: 'several_pairs', effect: 'downgrade', cue: CUE.severalPairs, factor: 0.7 });
      }
    }
    // 2b'. A candidate reported as a guest or giver at someone else's event ("Hadir juga Bapak H. Mulyono, caleg DPRD
    // dari partai nomor 8, memberi sambutan"; "sponsor dari Pak Darto caleg DPRD partai nomor 5"): named with their
    // number, but by no word of support, voting or calling in the sentence. For review.
    if ((cat === 'endorsement' || cat === 'party_support') && !m.hits.some((h) => isVerbPattern(this.c, h.pat))) {
      const guest = (pc.lists.get('guest_report') ?? NO_HITS).find((h) => toks[h.from].sent === sent);
      if (guest !== undefined && !supportWord()) {
        factor *= 0.7;
        mods.push({ kind: 'reported_guest', effect: 'downgrade', cue: cueText(a, [guest]), factor: 0.7 });
      }
    }

    // 2c. "Kucingku gemoy bgt ✌️", "Bayi Oktavia gemoy banget ✌🏻": an everyday slogan word and a finger sign — the
    // commonest pose of a photo — are all that point at the pair: no name, number, hashtag, account, and no race or
    // voting day ("Tanggal 14 saatnya perubahan ☝️") named in the post. For review, not an accusation.
    // A word of voting or calling in the sentences of the match's own words ("lanjutkan yang sudah pasti ✌️") makes it
    // a call: the slogan word is itself a support word, so support words do not count here.
    const voteWordInMatch = () => VOTE_WORD_LISTS.some((l) => (pc.lists.get(l) ?? NO_HITS).some(inHitSentences));
    if (cat === 'campaign_slogan' && attr.candidate !== null && !pc.beyondSign.has(attr.candidate) && !pc.raceNamed && !voteWordInMatch() && !this.votingDayNamed(a, day)) {
      factor *= 0.75;
      mods.push({ kind: 'slogan_and_sign', effect: 'downgrade', cue: CUE.sloganAndSign, factor: 0.75 });
    }

    // 2d. "Mabar malam ini squad 02 nggak ada lawan ✌️", "Kocokan arisan keluar nomor 1 tiga kali ☝️😏": a number and the
    // finger sign that matches it are all that point at the pair — no name, hashtag or account, no race, election word
    // or voting day ("tanggal 14 juga nomor 2 yang keluar ✌️") in the post, no word of support, voting or calling in
    // the sentence ("02 ✌️✌️ sampai menang!"). A hint for the analyst, not an accusation: numbers and finger poses
    // fill everyday photos.
    // In the sentences of the number and the sign: "Cuma 02 yg janji naikin gaji. Logika aja, pilih yg mau naikin gaji
    // kita ✌️".
    const supportInMatch = () => SUPPORT_WORD_LISTS.some((l) => (pc.lists.get(l) ?? NO_HITS).some(inHitSentences));
    if (cat === 'candidate_symbol' && attr.candidate !== null && !attr.named && !pc.raceNamed && !supportInMatch() && !this.votingDayNamed(a, day)) {
      factor *= 0.75;
      mods.push({ kind: 'number_and_sign', effect: 'downgrade', cue: CUE.numberAndSign, factor: 0.75 });
    }

    // 3. Neutral news: reporting without a stance of the poster's own.
    // An attack ("jangan pilih 02") is the poster's own voice even under a news link; a camp's own phrase ("aksi
    // salam 4 jari", "relawan kotak kosong deklarasi") is reported like a pair's slogan, but not its hashtag.
    const attacking = stance === 'against' && !(againstPhrase && m.hits.every((h) => toks[h.from].kind !== TK.Hashtag));
    // 3a. A debunked hoax: the claim the poster quotes to refute ("[HOAKS] Beredar: \"Surat suara sudah dicoblos untuk
    // paslon 02\". Sudah dicek, videonya lama") is not their own call. Only words inside quotation marks count as the
    // claim; what the poster says around them is judged as usual.
    const debunk = pc.lists.get('debunk');
    if (debunk !== undefined && !ignores('news') && m.hits.every((h) => (toks[h.from].flags & toks[h.to].flags & FLAG.Quoted) !== 0)) {
      mods.push({ kind: 'debunk', effect: 'suppress', cue: cueText(a, debunk) });
      return { suppressed: true, stance, factor, modifiers: mods };
    }
    // 3a'. A phrase quoted as what is going around ("Lagi rame 'salam 4 jari', saya cuma tau 4 sehat 5 sempurna"): the
    // poster names it. Whether they also take it up is for the analyst: review, not an accusation.
    const trend = pc.lists.get('trend');
    // Every reference to the candidate must be in the quote: "Lagi rame 'coblos 02', ayo ikutan coblos 02!" is a call.
    const quotedOnly = () =>
      inQuotes(a, m.from, m.to) &&
      pc.entityHits.every((h) => attr.candidate === null || !h.refs.some((r) => r.cand === attr.candidate) || inQuotes(a, h.from, h.to));
    if (trend !== undefined && !ignores('news') && quotedOnly()) {
      factor *= 0.6;
      mods.push({ kind: 'quoted_trend', effect: 'downgrade', cue: cueText(a, trend), factor: 0.6 });
    }
    if (!ignores('news') && NEWS_APPLIES.has(cat) && pc.news !== null && pc.personal.length === 0 && !attacking && !exclaimedCall(a, m)) {
      mods.push({ kind: 'news', effect: 'suppress', cue: pc.news });
      return { suppressed: true, stance, factor, modifiers: mods };
    }

    // 4. After the vote, congratulating the winner is a citizen's courtesy: review at most (trap 9). So is cheering
    // the count from the voting day on, when "menang" is all the support there is ("Bu Khofifah menang lagi,
    // alhamdulillah"): a partisan reaction for the analyst, not a call — unless it is the team's voice or a wish
    // ("kita menang", "semoga Bu Khofifah menang"). And a candidate's post shared after the vote (a concession, a
    // thank-you to voters) spreads no campaign any more — unless it names the next race. A party's is another matter:
    // an ASN may back no party at any time, so sharing a party's post stays what it was.
    const afterVoteApplies = SUPPORT.has(cat) || (cat === 'repost' && !pc.lists.has('next_term'));
    // A wish for victory ("semoga … dimudahkan", "diberi kemenangan") is about the vote only before it: after it, it is
    // a wish for the winner's work or a consolation, and far from the race it is about the person.
    const wish = m.hits.some((h) => isVerbPattern(this.c, h.pat)) ? undefined : m.hits.find((h) => inList(h, 'victory_words'));
    if (!ignores('date_window') && attr.election !== null && day !== null && afterVoteApplies) {
      const e = this.c.elections.get(attr.election);
      let cue: string | null = null;
      if (e !== undefined && e.campaignTo !== null) {
        if (cat === 'repost') cue = day > e.campaignTo && e.def.parties.length === 0 ? CUE.sharedAfterVote : null;
        else if (wish !== undefined && day > e.campaignTo) cue = cueText(a, [wish]);
        else if (pc.congratulation !== null && day > e.campaignTo) cue = pc.congratulation;
        else if (day >= e.campaignTo && !personalInSentence) cue = this.winCue(a, m);
      }
      if (cue !== null) {
        factor *= 0.5;
        mods.push({ kind: 'after_vote', effect: 'downgrade', cue, factor: 0.5 });
      }
    }
    // 4'. A sitting official who is also a candidate posts the work of the office (a flood meeting, a drain checked).
    // Sharing it in the campaign is sharing a candidate's post, but it carries no campaign: for review.
    if (cat === 'repost' && !ignores('office_holder') && !mods.some((x) => x.kind === 'after_vote')) {
      const cue = this.dutyCue(a, attr, pc);
      if (cue !== null) {
        factor *= 0.5;
        mods.push({ kind: 'official_duty', effect: 'downgrade', cue, factor: 0.5 });
      }
    }
    // 4''. A quote of a candidate's or party's post whose own words ask it something ("Pak, mohon dijawab juga soal
    // nasib PPPK …", "Katanya makan siang gratis, duitnya dari mana?"), with no word of support, voting, calling,
    // cheering or agreeing: a question or a challenge to the candidate, not the spreading of their content. For review.
    if (cat === 'repost' && pc.quote) {
      const cue = this.questionCue(a, pc);
      if (cue !== null) {
        factor *= 0.5;
        mods.push({ kind: 'quote_question', effect: 'downgrade', cue, factor: 0.5 });
      }
    }

    // 5. Dates: support far from an election's window is weaker evidence for that election. A mention, a slogan
    // or an old campaign hashtag more than a year away from its race is about something else.
    // A second term or the 2029 vote named with the candidate, after their race: early campaigning for the next
    // race ("Mas Gibran 2029 gasss, siap menangkan"), as strong as support in a campaign. A mention stays a mention.
    const next = !ignores('date_window') && attr.daysOutside > 0 && cat !== 'candidate_mention' && attr.candidate !== null ? this.nextElectionCue(a, attr, pc, day) : null;
    if (next !== null) {
      mods.push({ kind: 'next_election', effect: 'upgrade', cue: next });
    } else if (!ignores('date_window') && attr.daysOutside > 365 && (FAR_IRRELEVANT.has(cat) || wish !== undefined)) {
      mods.push({ kind: 'out_of_window', effect: 'suppress', cue: outOfWindowCue(attr.daysOutside, attr.election) });
      return { suppressed: true, stance, factor, modifiers: mods };
    }
    if (next === null && !ignores('date_window') && attr.daysOutside > 0) {
      const f = attr.daysOutside <= 365 ? 0.6 : 0.35;
      factor *= f;
      mods.push({ kind: 'out_of_window', effect: 'downgrade', cue: outOfWindowCue(attr.daysOutside, attr.election), factor: f });
    }
    if (attr.weakOnly) {
      factor *= 0.85;
      mods.push({ kind: 'weak_reference', effect: 'downgrade', cue: CUE.weakReference, factor: 0.85 });
    }
    // A number that belongs to a person the packs do not know ("coblos Pak Wiryo nomor 2"): a call, but for whom, and
    // in which race (a village head's, a Pilkada without a pack), is the analyst's to find out. For review.
    if (attr.owner !== null) {
      factor *= 0.6;
      mods.push({ kind: 'unknown_person', effect: 'downgrade', cue: attr.owner, factor: 0.6 });
    }
    if (attr.candidate === null && attr.alternatives.length > 1) {
      factor *= 0.85;
      mods.push({ kind: 'ambiguous_candidate', effect: 'downgrade', cue: attr.alternatives.join(', '), factor: 0.85 });
    }
    return { suppressed: false, stance, factor, modifiers: mods };
  }
}

/** Words at most in a sentence that is a shout of the poster's own rather than a headline. */
const SHOUT_WORDS = 5;

/**
 * "Coblos 02! <link>": a short sentence that the match opens and an exclamation mark closes is the poster's own
 * shout above a shared link, not the article's headline. Headlines front a purpose clause and run longer ("Dukung
 * Prabowo-Gibran, Projo Resmi Deklarasi"), and a quoted cry ("'Coblos 02!', teriak massa") is reported speech.
 */
function exclaimedCall(a: Analysis, m: Match): boolean {
  const toks = a.tokens;
  const first = toks[m.from];
  if (m.from > 0 && toks[m.from - 1].sent === first.sent && toks[m.from - 1].field === first.field) return false;
  let last = m.to;
  while (last + 1 < toks.length && toks[last + 1].sent === first.sent && toks[last + 1].field === first.field) last++;
  if (last - m.from + 1 > SHOUT_WORDS) return false;
  for (let i = m.from; i <= last; i++) if ((toks[i].flags & FLAG.Quoted) !== 0) return false;
  const text = a.fields[first.field].text;
  // Single quotes mark a cry in headlines too ("'Coblos 02!', teriak massa"): an apostrophe is no quotation mark
  // to the tokeniser (Ka'bah), so look at the characters around the sentence.
  if (/['‘"“«]\s*$/.test(text.slice(Math.max(0, first.start - 4), first.start))) return false;
  return /^\s*!+(?!\s*['’"”»])/.test(text.slice(toks[last].end, toks[last].end + 12));
}

/**
 * Whether tokens from..to stand in quotation marks: quoted to the tokeniser, or single quotes close round them
 * exactly ("'salam 4 jari'"), which the tokeniser leaves alone because an apostrophe is also a letter (Ka'bah).
 */
function inQuotes(a: Analysis, from: number, to: number): boolean {
  const toks = a.tokens;
  const first = toks[from];
  const last = toks[to];
  if ((first.flags & last.flags & FLAG.Quoted) !== 0) return true;
  if (first.field !== last.field) return false;
  const text = a.fields[first.field].text;
  return /['‘]\s*$/.test(text.slice(Math.max(0, first.start - 2), first.start)) && /^\s*['’]/.test(text.slice(last.end, last.end + 2));
}

/** Relatives, neighbours, friends and others named by their tie to the poster (lists relatives and kinship). */
function kinHits(pc: PostContext): Hit[] {
  return [...(pc.lists.get('relatives') ?? NO_HITS), ...(pc.lists.get('kinship') ?? NO_HITS)];
}

/** Before "menang", a wish, a forecast or the team's voice, not a result: "semoga menang", "pasti menang", "kita menang". */
const NOT_A_RESULT: ReadonlySet<string> = new Set(['semoga', 'smoga', 'moga', 'mugo', 'mugi', 'insyaallah', 'pasti', 'harus', 'wajib', 'bakal', 'akan', 'biar', 'agar', 'supaya', 'target', 'siap', 'kita', 'kami', 'harapan', 'yakin']);

/** Words of support, voting or calling: a number and a sign beside one are more than a hint. */
const SUPPORT_WORD_LISTS = ['support_verbs', 'vote_verbs', 'call_words'];
const VOTE_WORD_LISTS = ['vote_verbs', 'call_words'];
/** Words in a quote's own text that take up what it quotes: no mere question then (questionCue). */
const QUOTE_SUPPORT_LISTS = [...SUPPORT_WORD_LISTS, 'reply_cheers', 'agreement'];

/** "bersama teman-teman", "bareng tetangga": the poster is one of them. */
const TOGETHER: ReadonlySet<string> = new Set(['bersama', 'bareng', 'barengan', 'sama', 'dengan', 'dgn', 'ama', 'karo', 'kaliyan', 'jeung']);

/** The hit of `hits` that ends at most `gap` tokens before token `at`, in its sentence. */
function hitBefore(a: Analysis, hits: Hit[], at: number, gap: number): Hit | undefined {
  const toks = a.tokens;
  return hits.find((h) => toks[h.from].sent === toks[at].sent && h.to < at && at - h.to <= gap);
}

/** The first of `hits` in the sentence of token `at`, starting after it within `gap` tokens. */
function hitAfter(a: Analysis, hits: Hit[], at: number, gap: number): Hit | undefined {
  const toks = a.tokens;
  return hits.find((h) => toks[h.from].sent === toks[at].sent && h.from > at && h.from - at <= gap);
}

function hostOf(u: string): string {
  const m = /^(?:https?:\/\/)?([^/?#]+)/i.exec(u);
  return (m?.[1] ?? '').toLowerCase().replace(/[^a-z0-9.]/g, '').replace(/\./g, '');
}
