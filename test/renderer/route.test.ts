import { describe, expect, it } from 'vitest';
import { formatRoute, parseRoute, withoutToken } from '../../renderer/src/routing/route';
import { DEFAULT_STALE_DAYS, withFacet } from '../../shared/devices/grid-query';
import { gridQueryOf, queryOfGrid } from '../../renderer/src/devices/grid-address';

describe('routes', () => {
  it('name the screen and its query, and read back what they wrote', () => {
    const route = parseRoute('#/devices?view=Laptops&q=lon&quick=stale,infected');
    expect(route.screen).toBe('devices');
    expect(route.query.get('view')).toBe('Laptops');
    expect(parseRoute(formatRoute(route)).query.toString()).toBe(route.query.toString());
    expect(formatRoute({ screen: 'changes', query: new URLSearchParams() })).toBe('#/changes');
  });

  it('land on Consoles from an empty, unknown or token-only fragment', () => {
    for (const hash of ['', '#', '#/nowhere', '#token=abc-123', '#/../../etc']) {
      expect(parseRoute(hash).screen).toBe('consoles');
    }
  });

  it("keep serve's access token out of the route, and the route when the token is taken", () => {
    expect(parseRoute('#/devices?view=A&token=secret-1').query.toString()).toBe('view=A');
    expect(withoutToken('#token=abc-1')).toEqual({ hash: '', token: 'abc-1' });
    expect(withoutToken('#/devices?view=A&token=abc-1')).toEqual({
      hash: '#/devices?view=A',
      token: 'abc-1',
    });
    expect(withoutToken('#/devices?token=abc-1&view=A')).toEqual({
      hash: '#/devices?view=A',
      token: 'abc-1',
    });
    expect(withoutToken('#/devices?view=A')).toEqual({
      hash: '#/devices?view=A',
      token: undefined,
    });
  });
});

describe('the grid query in the address', () => {
  it('round-trips every filter, in a stable order', () => {
    const grid = {
      view: 'Paris laptops',
      search: 'lon 10.0',
      quick: ['stale' as const, 'infected' as const],
      staleDays: 45,
      include: { site: ['Paris', 'Lyon'], osType: ['Windows'] },
      exclude: { agentVersion: ['22.1.0.1'] },
      decommissioned: true,
      device: { console: 'prod eu', agentId: '1234567890123456789' },
    };
    const query = queryOfGrid(grid);
    expect(gridQueryOf(new URLSearchParams(query.toString()))).toEqual(grid);
    expect(query.toString()).toContain('is.site=Paris&is.site=Lyon');
  });

  it('drops what it does not know rather than failing on a hand-edited link', () => {
    const grid = gridQueryOf(
      new URLSearchParams('quick=stale,bogus&stale=-3&is.password=x&not.site=Lab&device=1'),
    );
    expect(grid).toEqual({
      search: '',
      quick: ['stale'],
      staleDays: DEFAULT_STALE_DAYS,
      include: {},
      exclude: { site: ['Lab'] },
      decommissioned: false,
    });
  });

  it('moves a facet value between kept, left out and neither', () => {
    const base = gridQueryOf(new URLSearchParams());
    const kept = withFacet(base, 'site', 'Paris', 'include');
    expect(kept.include).toEqual({ site: ['Paris'] });
    const out = withFacet(kept, 'site', 'Paris', 'exclude');
    expect(out).toMatchObject({ include: {}, exclude: { site: ['Paris'] } });
    expect(withFacet(out, 'site', 'Paris', 'off')).toMatchObject({ include: {}, exclude: {} });
  });
});
