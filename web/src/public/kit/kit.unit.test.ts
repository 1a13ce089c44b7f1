import { describe, expect, it } from 'vitest';
import { bookingMessages } from '../../features/booking/messages';
import { pickLanguage } from './i18n';
import { matchPath } from './router';

describe('the public pages’ language', () => {
  const pick = (search: string, stored: string | null, browserLanguages: string[]) =>
    pickLanguage({ search, stored, browserLanguages });

  it('follows the link’s ?lang= first, then the visitor’s stored choice, then the browser', () => {
    expect(pick('?lang=es', 'en', ['en-US'])).toBe('es');
    expect(pick('?lang=EN', 'es', ['es-MX'])).toBe('en');
    expect(pick('', 'es', ['en-US'])).toBe('es');
    expect(pick('', null, ['es-419', 'en'])).toBe('es');
    expect(pick('', null, ['fr-FR', 'es-US', 'en'])).toBe('es');
    expect(pick('', null, ['en-GB', 'es'])).toBe('en');
  });

  it('falls back to English for a language it does not have', () => {
    expect(pick('?lang=fr', 'de', ['fr-FR', 'pt-BR'])).toBe('en');
    expect(pick('', null, [])).toBe('en');
  });

  it('has every booking phrase in Spanish, none left in English', () => {
    const en = bookingMessages.en as Record<string, unknown>;
    const es = bookingMessages.es as Record<string, unknown>;
    expect(Object.keys(es).sort()).toEqual(Object.keys(en).sort());
    const same = Object.keys(en).filter(
      (k) => typeof en[k] === 'string' && en[k] === es[k] && !['no'].includes(k),
    );
    expect(same).toEqual([]);
    expect(bookingMessages.es.dayOpenTimes('lunes, 7 de diciembre', 1)).toBe(
      'lunes, 7 de diciembre: 1 horario disponible',
    );
    expect(bookingMessages.es.dayOpenTimes('lunes, 7 de diciembre', 0)).toBe(
      'lunes, 7 de diciembre: sin horarios disponibles',
    );
  });
});

describe('the public pages’ paths', () => {
  it('matches a pattern and decodes its params', () => {
    expect(matchPath('/book/:slug', '/book/medicare-consultations')).toEqual({
      slug: 'medicare-consultations',
    });
    expect(matchPath('/book/:slug', '/book/medicare-consultations/')).toEqual({
      slug: 'medicare-consultations',
    });
    expect(matchPath('/book/:slug/manage/:token', '/book/a%20b/manage/Zx_81-q')).toEqual({
      slug: 'a b',
      token: 'Zx_81-q',
    });
  });

  it('does not match another page, a missing param or a malformed escape', () => {
    expect(matchPath('/book/:slug', '/book/a/manage/t')).toBeNull();
    expect(matchPath('/book/:slug', '/book')).toBeNull();
    expect(matchPath('/book/:slug', '/forms/a')).toBeNull();
    expect(matchPath('/book/:slug/manage/:token', '/book/a/manage/%E0%A4%A')).toBeNull();
  });
});
