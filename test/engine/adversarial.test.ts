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
});
