import { MUNICIPALITY_NAMES, officialMunicipalityName } from '../../src/notifications/municipalities';

describe('the municipalities table', () => {
  test('holds the 98 municipalities, each a three-digit code and a name ending in Kommune or Regionskommune', () => {
    const entries = Object.entries(MUNICIPALITY_NAMES);
    expect(entries).toHaveLength(98);
    for (const [code, name] of entries) {
      expect(code).toMatch(/^\d{3}$/);
      expect(name).toMatch(/^\p{Lu}[\p{L}-]*s? (Kommune|Regionskommune)$/u);
    }
    expect(new Set(Object.values(MUNICIPALITY_NAMES)).size).toBe(98);
  });

  test('the names a widely copied list gets wrong, and the genitive forms', () => {
    expect(officialMunicipalityName('330')).toBe('Slagelse Kommune');
    expect(officialMunicipalityName('340')).toBe('Sorø Kommune');
    expect(officialMunicipalityName('101')).toBe('Københavns Kommune');
    expect(officialMunicipalityName('480')).toBe('Nordfyns Kommune');
    expect(officialMunicipalityName('820')).toBe('Vesthimmerlands Kommune');
    expect(officialMunicipalityName('751')).toBe('Aarhus Kommune');
    expect(officialMunicipalityName('411')).toBe('kommune 411');
  });
});
