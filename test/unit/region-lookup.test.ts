import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/lib/errors.js';
import { resolveRegion } from '../../src/lib/region/new-region.js';
import { findRegions, official } from '../../src/lib/region/official.js';

const codes = (query: string) => findRegions(query).matches.map((r) => r.code).sort();

describe('finding a region by name', () => {
  it('every one of the 514 official names resolves to its own region, and only to it', () => {
    const regions = [...official().regions.values()];
    expect(regions).toHaveLength(514);
    for (const region of regions) {
      expect(resolveRegion({ name: region.name }), region.name).toEqual(region);
      expect(resolveRegion({ name: region.name.toUpperCase() }), region.name).toEqual(region);
    }
  });

  it('the kind in the name decides: Kabupaten Banjar is 63.03, Kota Banjar is 32.79', () => {
    expect(codes('Kabupaten Banjar')).toEqual(['63.03']);
    expect(codes('Kota Banjar')).toEqual(['32.79']);
    expect(codes('Kab. Banjar')).toEqual(['63.03']);
    expect(codes('  kabupaten   banjar ')).toEqual(['63.03']);
    expect(codes('Kota Gorontalo')).toEqual(['75.71']);
    expect(codes('Kabupaten Gorontalo')).toEqual(['75.01']);
    expect(codes('Kota Tangerang')).toEqual(['36.71']);
    expect(codes('Kota Jakarta Pusat')).toEqual(['31.71']);
  });

  it('a bare name shared by a kota and a kabupaten is ambiguous, listing both', () => {
    expect(codes('Banjar')).toEqual(['32.79', '63.03']);
    expect(codes('Tangerang')).toEqual(['36.03', '36.71']);
    const found = resolveRegion({ name: 'Banjar' });
    expect(Array.isArray(found) && found.map((r) => r.name).sort()).toEqual(['Kabupaten Banjar', 'Kota Banjar']);
  });

  it('a kind that no region of that name has is not found, with the names that exist as suggestions', () => {
    expect(codes('Kota Poso')).toEqual([]);
    expect(() => resolveRegion({ name: 'Kota Poso' })).toThrow(UsageError);
    expect(findRegions('Kabupaten Banjr').suggestions.map((r) => r.code)).toEqual(['63.03']);
  });
});
