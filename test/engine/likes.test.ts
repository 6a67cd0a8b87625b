// Likes (kind like): the account owner's like of someone else's post. A like of a candidate's or party's post is a
// violation (SKB 2022 SM-2 grades a like as a post); support in the liked text is support; the liked text's first
// person is its author, not the liker; a liked post that merely names a candidate is nothing.

import { describe, expect, it } from 'vitest';
import { scan } from '../helpers/engine.js';

const JAN_2024 = '2024-01-20T10:00:00+07:00';
const OCT_2024 = '2024-10-20T10:00:00+07:00';

const rules = (r: Awaited<ReturnType<typeof scan>>) => r.findings.map((f) => [f.rule_id, f.candidate, f.verdict]);

describe('a like of a candidate or party account', () => {
  it('a like of @prabowo is a violation, a little less sure than a repost of it', async () => {
    const like = await scan('Terima kasih relawan Jawa Barat!', { kind: 'like', repost_of: 'prabowo', date: JAN_2024 });
    expect(rules(like)).toEqual([['repost.like-candidate-account', 'pilpres-2024:2', 'violation']]);
    const f = like.findings[0];
    expect(f).toMatchObject({ category: 'repost', severity: 'high', kind: 'like', matched: '@prabowo', evidence: '[liked post of] @prabowo' });
    expect(f.legal_basis).toMatch(/SKB 2022 Lampiran II SM-2 \(like\)/);
    expect(f.spans).toEqual([{ field: 'repost_of', start: 0, end: 8 }]);
    const repost = await scan('Terima kasih relawan Jawa Barat!', { kind: 'repost', repost_of: 'prabowo', date: JAN_2024 });
    expect(f.confidence).toBeGreaterThanOrEqual(0.6);
    expect(f.confidence).toBeLessThan(repost.findings[0].confidence);
  });

  it('a like of a party account, of a party page and of a candidate named as Facebook names pages', async () => {
    expect(rules(await scan('Konsolidasi kader hari ini', { kind: 'like', repost_of: 'Gerindra', date: JAN_2024 }))).toEqual([['repost.like-candidate-account', 'party-2024:2', 'violation']]);
    expect(rules(await scan('', { kind: 'like', repost_of: 'Partai Gerindra', date: JAN_2024 }))).toEqual([['repost.like-candidate-account', 'party-2024:2', 'violation']]);
    expect(rules(await scan('', { kind: 'like', repost_of: 'Prabowo Subianto', date: JAN_2024, platform: 'facebook' }))).toEqual([['repost.like-candidate-account', 'pilpres-2024:2', 'violation']]);
    expect(rules(await scan('', { kind: 'like', repost_of: 'Dedi Mulyadi', date: OCT_2024, platform: 'facebook' }))).toEqual([['repost.like-candidate-account', 'pilkada-jabar-2024:4', 'violation']]);
  });

  it('a like of a friend whose first name is a candidate\'s alias, of a company named like a party, of the election office: nothing', async () => {
    for (const [owner, date] of [
      ['Dedi Kurniawan', OCT_2024],
      ['Garuda Indonesia', JAN_2024],
      ['KPU_ID', JAN_2024],
      ['Kompas.com', JAN_2024],
    ]) {
      const r = await scan('Selamat pagi, selamat beraktivitas', { kind: 'like', repost_of: owner, date, platform: 'facebook' });
      expect([owner, r.findings]).toEqual([owner, []]);
    }
  });

  it('after the race, a like of the winner\'s account is for review, as a repost of it is', async () => {
    const r = await scan('Program makan bergizi gratis hari ini', { kind: 'like', repost_of: 'prabowo', date: '2025-03-01T10:00:00+07:00' });
    expect(r.verdict).toBe('review');
    // Shared (here liked) after the vote, and far from the race's window.
    expect(r.findings[0].modifiers.map((m) => m.kind)).toEqual(['after_vote', 'out_of_window']);
  });
});

describe('the liked text', () => {
  it('support in it is support by liking it', async () => {
    const r = await scan('Coblos 02, Prabowo-Gibran!', { kind: 'like', date: JAN_2024 });
    expect(rules(r)).toEqual([['endorsement.vote-call', 'pilpres-2024:2', 'violation']]);
    expect(r.findings[0].kind).toBe('like');
    const tag = await scan('Malam minggu nonton debat #PrabowoGibran2024', { kind: 'like', date: JAN_2024 });
    expect(rules(tag)).toEqual([['campaign_hashtag.candidate-tag', 'pilpres-2024:2', 'violation']]);
  });

  it('"saya ikut kampanye" in it is its author speaking, not the liker', async () => {
    const text = 'Alhamdulillah hari ini saya ikut kampanye akbar di GBK';
    const own = await scan(text, { date: JAN_2024 });
    expect(own.findings.map((f) => f.rule_id)).toContain('campaign_activity.first-person');
    const liked = await scan(text, { kind: 'like', date: JAN_2024 });
    expect(liked.findings).toEqual([]);
    expect(liked.verdict).toBe('clean');
    expect(liked.suppressed.map((f) => [f.rule_id, f.modifiers.map((m) => [m.kind, m.cue])])).toEqual([['campaign_activity.first-person', [['liked_text', 'liked text']]]]);
  });

  it('a liked news post that merely names a candidate is nothing (a mention is not worth the analyst\'s time in a like)', async () => {
    const text = 'Prabowo dan Gibran hadiri debat capres-cawapres di JCC malam ini.';
    const own = await scan(text, { date: JAN_2024 });
    expect(own.findings.map((f) => f.category)).toEqual(['candidate_mention']);
    const liked = await scan(text, { kind: 'like', date: JAN_2024 });
    expect(liked.findings).toEqual([]);
    expect(liked.suppressed.map((f) => [f.category, f.modifiers.map((m) => m.kind)])).toEqual([['candidate_mention', ['like_of_mention']]]);
  });

  it('a like without a date (X) is judged as an undated post', async () => {
    const r = await scan('Coblos 02, Prabowo-Gibran!', { kind: 'like' });
    expect(rules(r)).toEqual([['endorsement.vote-call', 'pilpres-2024:2', 'violation']]);
    expect(r.findings[0].created_at).toBeNull();
  });
});

describe('the posts of the account itself are judged as before', () => {
  it('a repost keeps its own rule; an owner written as a name is a name, not a handle', async () => {
    const r = await scan('', { kind: 'repost', repost_of: 'Prabowo Subianto', date: JAN_2024, platform: 'facebook' });
    expect(rules(r)).toEqual([['repost.candidate-account', 'pilpres-2024:2', 'violation']]);
    expect(r.findings[0].evidence).toBe('[repost of] Prabowo Subianto');
    expect((await scan('', { kind: 'repost', repost_of: 'prabowo', date: JAN_2024 })).findings[0].evidence).toBe('[repost of] @prabowo');
    // A friend whose first name is a candidate's nickname, shared on Facebook: "@Dedi" was Dedi Mulyadi.
    expect((await scan('Selamat ulang tahun', { kind: 'repost', repost_of: 'Dedi Kurniawan', date: '2024-11-10T10:00:00+07:00', platform: 'facebook' })).verdict).toBe('clean');
  });

  it('a mention in a post of its own stays a mention', async () => {
    const r = await scan('Prabowo dan Gibran hadiri debat capres-cawapres di JCC malam ini.', { date: JAN_2024 });
    expect(r.verdict).toBe('review');
  });
});
