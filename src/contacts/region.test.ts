import assert from 'node:assert/strict';
import { test } from 'node:test';
import { countryFromName } from './country-names.ts';
import { locateShopper } from './region.ts';

const at = (traits: object, timezone: string | null = null, locale: string | null = null) => locateShopper({ traits: JSON.stringify(traits), timezone, locale });

test('country names and codes as shops write them', () => {
  const cases: Record<string, string | undefined> = {
    de: 'DE', GB: 'GB', UK: 'GB', Deutschland: 'DE', Germany: 'DE', 'United Kingdom': 'GB', España: 'ES', GBR: 'GB', usa: 'US',
    'United States': 'US', 中国: 'CN', 台灣: 'TW', 香港: 'HK', xx: undefined, Narnia: undefined, '': undefined,
  };
  for (const [name, code] of Object.entries(cases)) assert.equal(countryFromName(name), code, name);
});

test('the evidence in order: country, then time zone, then locale region; the rest is unknown', () => {
  assert.deepEqual(at({ country: 'FR' }), { region: 'eu', by: 'country' });
  assert.deepEqual(at({ address: { country: 'Norway' } }), { region: 'eu', by: 'country' }, 'the EEA counts');
  assert.deepEqual(at({ country: 'US' }, 'Europe/Paris'), { region: 'other', by: 'country' });
  assert.deepEqual(at({ country: 'Atlantis' }, 'Europe/London'), { region: 'eu', by: 'timezone' }, 'an unknown country is no evidence');
  assert.deepEqual(at({}, 'America/Toronto', 'fr-FR'), { region: 'other', by: 'timezone' });
  assert.deepEqual(at({}, 'Europe/Moscow'), { region: 'other', by: 'timezone' });
  assert.deepEqual(at({}, 'Atlantic/Canary'), { region: 'eu', by: 'timezone' });
  assert.deepEqual(at({}, 'UTC', 'en-GB'), { region: 'eu', by: 'locale' }, 'UTC says nothing');
  assert.deepEqual(at({}, 'Etc/GMT+2', 'zh-TW'), { region: 'other', by: 'locale' });
  assert.deepEqual(at({}, null, 'de'), { region: 'unknown', by: null }, 'a language alone names no country');
  assert.deepEqual(at({}, 'Not/AZone', 'es-419'), { region: 'unknown', by: null });
  assert.deepEqual(locateShopper({ traits: '{not json', timezone: null, locale: null }), { region: 'unknown', by: null });
});
