import { describe, expect, it } from 'vitest';
import { loadRuleSet } from '../../src/rules/load.js';
import { candidateNames, pairName } from '../../src/report/candidates.js';

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
