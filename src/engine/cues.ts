// The cues of context modifiers that the engine writes itself, rather than quoting the post's words. They are
// machine values (JSON reports and baselines keep them in English); reports in Indonesian translate them
// (report/i18n.ts), so they are written in one place.

export const CUE = {
  repostText: 'reposted text',
  likedText: 'liked text',
  likeOfMention: 'a like of a post that only names a candidate',
  voterEducation: 'voter education',
  weakReference: 'only a number or symbol names the candidate',
  severalPairs: 'the post names several pairs',
  sloganAndSign: 'only a slogan word and a finger sign point at the pair',
  numberAndSign: 'only a number and a finger sign point at the pair',
  sharedAfterVote: 'shared after the vote',
} as const;

/** "40 days outside pilpres-2024". */
export const outOfWindowCue = (days: number, election: string | null): string => `${days} days outside ${election}`;

/** Reads an outOfWindowCue back: [, days, election]. */
export const OUT_OF_WINDOW_CUE = /^(\d+) days outside (\S+)$/;
