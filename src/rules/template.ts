// The election pack template written by `netral rules init-election`: every field commented, so an analyst can
// describe their own regency's race without reading the engine. What the analyst must write is a placeholder
// (below); a pack that still holds one is refused when loaded (placeholders.ts), so a template nobody filled in
// never runs. Apart from its placeholders the template is a valid pack (a test fills them in and checks that).

/** Ends each placeholder of free text: "Kabupaten ... (replace)". */
export const REPLACE_MARK = '(replace)';
/** Stands as a word for the word the analyst must write: "pilbup ..." → "pilbup sleman". */
export const BLANK_WORD = '...';
/** The most pairs `--candidates` writes. */
export const MAX_CANDIDATES = 20;

/** The placeholder names of pair n: candidate, running mate, the pair's short form. */
export function placeholderNames(n: number): string[] {
  return [`Nama Calon ${n}`, `Nama Wakil ${n}`, `Calon${n}-Wakil${n}`];
}

/** The placeholder of pair n's `name`, the pair as reports show it. */
export function placeholderPairName(n: number): string {
  return `Nama Calon ${n} – Nama Wakil ${n}`;
}

export function electionTemplate(id: string, candidates: number): string {
  const R = REPLACE_MARK;
  const B = BLANK_WORD;
  const pairs = Array.from({ length: candidates }, (_, i) => {
    const n = i + 1;
    return `    - number: ${n}
      # The pair as reports show it beside the ballot number: both full names as the KPU decision writes them.
      # Delete it and reports build the pair's name from the names below.
      name: "${placeholderPairName(n)}"
      # Full names of both candidates, and the pair's common short forms. Names count on their own (strong
      # evidence), so list only names that are distinctive in your region.
      names: [${placeholderNames(n).join(', ')}]
      # Nicknames and labels people use (a coalition name, "Kang ...", an acronym of the pair).
      aliases: []
      # Common first names or ordinary words (Ahmad, Dedi, "amin"): they count only where the post names the race
      # ("pilbup", "cabup") or this pair another way (its number, a name, a hashtag), never on their own.
      ambiguous_aliases: []
      # Acronyms that count only in capitals (e.g. a pair acronym that is also a word).
      upper_aliases: []
      # Campaign hashtags, without #. Matched case-insensitively, also split (#PairName2029 → pair name 2029).
      hashtags: []
      # Slogans. They are ordinary words, so they count only with a candidate or election word nearby.
      slogans: []
      # Slogans that become ordinary programme names after the race (count only inside the campaign window).
      window_slogans: []
      # The pair's own emoji (👌 ✊ ✋ …); ☝ ✌ 🤟 for 1 2 3 are built in. They count only with a candidate.
      gestures: []
      # Official accounts of the pair and its campaign team (handles without @): reposts and likes of them are flagged.
      accounts: []${
        candidates === 1
          ? `
      # One pair runs against the empty column: calls for it ("coblos kotak kosong", "relawan kotak kosong",
      # #KotakKosong …) are built in as stances against this pair. Add the local ones ("kotak kosong menang, rakyat
      # menang"), as calls, never the bare words "kotak kosong", which are everyday ones.
      against: []`
          : ''
      }`;
  }).join('\n');
  return `# Election pack for ${id}. Written by \`netral rules init-election\`; fill in what you know, delete what you do
# not. Check it with: netral rules validate ${id}.yaml
# Use it with:        netral scan --rules ${id}.yaml POSTS…
#
# Replace every placeholder: text marked ${R}, the ${B} in the race words and the names Nama Calon 1,
# Nama Wakil 1, Calon1-Wakil1, Nama Calon 1 – Nama Wakil 1 … netral refuses the pack (validate, scan, test) while one is left, naming each with
# its line. The level and dates below are examples netral cannot tell from real ones: set them yourself.
#
# Only encode facts you can source (the KPU decision on pairs and ballot numbers, the KPU schedule): a wrong name
# or number produces wrong accusations. Write the sources below.
pack: ${id}
kind: election
title: "Pilkada ${B} ${R}"
sources:
  - "Keputusan KPU Kabupaten/Kota ${B} tentang penetapan nomor urut pasangan calon ${R}"
election:
  # Must equal the pack id above.
  id: ${id}
  name: { id: "Pemilihan Bupati dan Wakil Bupati ${B} ${R}", en: "${B} regent election ${R}" }
  # presiden | gubernur | bupati | walikota | legislatif
  level: bupati
  region: "Kabupaten ${B} ${R}"
  dates:
    # The official campaign period and voting day (YYYY-MM-DD). A post inside the campaign window counts as
    # being about this race even without naming it; a post far outside it gets lower confidence.
    campaign: { start: 2029-09-01, end: 2029-11-20 }
    voting: 2029-11-25
    # Optional: the period in which the pack applies at full confidence (default: 180 days before the
    # campaign to 45 days after the vote).
    # applies: { start: 2029-06-01, end: 2029-12-31 }
  # Words that name this race: they put a post in this election's context.
  words: [pilbup ${B}, pilkada ${B}, cabup ${B}, bupati ${B} 1]
  # Names of the region (kabupaten, its towns). They do not make a post about the race on their own; they only
  # help decide which race a bare number means when several races are held on the same day.
  region_words: []
  candidates:
${pairs}
`;
}
