import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRuleSet } from '../../src/rules/load.js';
import { candidateNames, pairName } from '../../src/report/candidates.js';
import { cli, tempDir, writeFiles } from '../helpers/cli.js';

describe('the names reports give candidate ids', () => {
  it('names every pair of the shipped packs as the domain brief lists them, and parties by their name', async () => {
    const names = candidateNames((await loadRuleSet()).elections);
    expect(Object.fromEntries([...names].filter(([id]) => !id.startsWith('party-')))).toEqual({
      'pilpres-2024:1': 'Anies Baswedan – Muhaimin Iskandar',
      'pilpres-2024:2': 'Prabowo Subianto – Gibran Rakabuming Raka',
      'pilpres-2024:3': 'Ganjar Pranowo – Mahfud MD',
      'pilkada-dki-2024:1': 'Ridwan Kamil – Suswono',
      'pilkada-dki-2024:2': 'Dharma Pongrekun – Kun Wardana',
      'pilkada-dki-2024:3': 'Pramono Anung – Rano Karno',
      'pilkada-jabar-2024:1': 'Acep Adang Ruhiat – Gitalis Dwi Natarina',
      'pilkada-jabar-2024:2': 'Jeje Wiradinata – Ronal Surapradja',
      'pilkada-jabar-2024:3': 'Ahmad Syaikhu – Ilham Akbar Habibie',
      'pilkada-jabar-2024:4': 'Dedi Mulyadi – Erwan Setiawan',
      'pilkada-jateng-2024:1': 'Andika Perkasa – Hendrar Prihadi',
      'pilkada-jateng-2024:2': 'Ahmad Luthfi – Taj Yasin Maimoen',
      'pilkada-jatim-2024:1': 'Luluk Nur Hamidah – Lukmanul Khakim',
      'pilkada-jatim-2024:2': 'Khofifah Indar Parawansa – Emil Dardak',
      'pilkada-jatim-2024:3': 'Tri Rismaharini – Zahrul Azhar Asumta',
      'pilpres-2019:1': "Joko Widodo – Ma'ruf Amin",
      'pilpres-2019:2': 'Prabowo Subianto – Sandiaga Uno',
      'pilkada-dki-2017:1': 'Agus Harimurti Yudhoyono – Sylviana Murni',
      'pilkada-dki-2017:2': 'Basuki Tjahaja Purnama – Djarot Saiful Hidayat',
      'pilkada-dki-2017:3': 'Anies Baswedan – Sandiaga Uno',
    });
    expect(names.get('party-2024:3')).toBe('PDI Perjuangan');
    expect(names.get('party-2024:17')).toBe('PPP');
  });

  it("every shipped pair has a name, the one the names' heuristic gives (so reports did not change)", async () => {
    for (const e of (await loadRuleSet()).elections) for (const k of e.candidates) expect(k.name, `${e.id}:${k.number}`).toBe(pairName(k.names));
  });

  it("a pack's name is shown verbatim in the reports a person reads; without it the pair is built from names", async () => {
    const dir = tempDir('netral-names-');
    const pack = (name: string) => `pack: pilbup-sukamaju-2029
kind: election
title: Pilbup Sukamaju 2029
election:
  id: pilbup-sukamaju-2029
  name: { id: "Pemilihan Bupati Sukamaju 2029", en: "Sukamaju regent election 2029" }
  level: bupati
  region: Kabupaten Sukamaju
  dates: { campaign: { start: 2029-09-01, end: 2029-11-20 }, voting: 2029-11-25 }
  words: [pilbup sukamaju]
  candidates:
    - number: 1
      ${name}
      names: [Hendra, Wati Suryani, Hendra-Wati]
    - number: 2
      names: [Yusuf Maulana, Rini Astuti, Yusuf-Rini]
`;
    writeFiles(dir, {
      'named.yaml': pack('name: "H. Hendra, S.E. – Wati Suryani <br>"'),
      'unnamed.yaml': pack('hashtags: [HendraWati]'),
      'posts.jsonl': `${JSON.stringify({ id: '1', author: 'a', text: 'Ayo coblos nomor 1 Hendra-Wati di pilbup sukamaju!', created_at: '2029-10-01T10:00:00+07:00' })}\n`,
    });
    const scan = async (pack: string, format: string) => {
      const r = await cli(['scan', '--rules', path.join(dir, pack), '--election', 'pilbup-sukamaju-2029', '-f', format, path.join(dir, 'posts.jsonl')]);
      expect(r.exitCode).toBe(0);
      return r.stdout;
    };
    expect(await scan('named.yaml', 'terminal')).toContain('pilbup-sukamaju-2029:1 (H. Hendra, S.E. – Wati Suryani <br>)');
    expect(await scan('named.yaml', 'html')).toContain('H. Hendra, S.E. – Wati Suryani &lt;br&gt;');
    // Without a name, the names give the pair: without the candidate's title and degree.
    expect(await scan('unnamed.yaml', 'terminal')).toContain('pilbup-sukamaju-2029:1 (Hendra – Wati Suryani)');
  });

  it('takes full names before nicknames, skips short and joined forms, and falls back to the first name', () => {
    // A nickname listed before the running mate's full name does not stand in for them.
    expect(pairName(['Basuki Tjahaja Purnama', 'Basuki', 'Ahok', 'Djarot Saiful Hidayat'])).toBe('Basuki Tjahaja Purnama – Djarot Saiful Hidayat');
    // A one-word name is the running mate when no second full name is given.
    expect(pairName(['Ridwan Kamil', 'Suswono', 'Ridwan Kamil-Suswono', 'RIDO'])).toBe('Ridwan Kamil – Suswono');
    // A longer form of a name already taken is the same person.
    expect(pairName(['Dedi Mulyadi', 'Kang Dedi Mulyadi', 'KDM', 'Erwan Setiawan'])).toBe('Dedi Mulyadi – Erwan Setiawan');
    // One candidate (not a pair), or only joined forms.
    expect(pairName(['Hendra Gunawan'])).toBe('Hendra Gunawan');
    expect(pairName(['Hendra-Wati'])).toBe('Hendra-Wati');
  });
});
