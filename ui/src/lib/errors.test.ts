import { describe, expect, it } from 'vitest';
import i18n from '../i18n';
import { describeAppError, describeUnexpected } from './errors';

const t = i18n.t.bind(i18n);

describe('describeAppError', () => {
  it('keeps a storage message out of the headline and in the details', () => {
    const view = describeAppError({ type: 'Storage', data: { message: 'SqliteError: database is locked' } }, t);
    expect(view.title).toBe('Databasen kunde inte läsas');
    expect(view.body).not.toContain('Sqlite');
    expect(view.details).toBe('SqliteError: database is locked');
  });

  it('names what was not found in words', () => {
    const view = describeAppError({ type: 'NotFound', data: { what: 'term', id: 'ht2027' } }, t);
    expect(view.title).toBe('Uppgiften hittades inte');
    expect(view.body).toContain('terminen (ht2027)');
    const other = describeAppError({ type: 'NotFound', data: { what: 'widget', id: '7' } }, t);
    expect(other.body).toContain('uppgiften (7)');
  });

  it('lists input problems', () => {
    const problems = [{ path: 'terms[0].first_week', message: 'not an ISO week' }];
    const view = describeAppError({ type: 'InvalidInput', data: { problems } }, t);
    expect(view.title).toBe('Uppgifterna behöver rättas');
    expect(view.problems).toEqual(problems);
  });

  it('treats an unknown error shape as unexpected', () => {
    const view = describeAppError('command list_terms not found' as never, t);
    expect(view.title).toBe('Programmet kunde inte hämta uppgifterna');
    expect(view.details).toBe('command list_terms not found');
  });

  it('speaks English when the UI does', async () => {
    await i18n.changeLanguage('en');
    expect(describeAppError({ type: 'Storage', data: { message: 'x' } }, t).title).toBe('The database could not be read');
  });
});

describe('describeUnexpected', () => {
  it('puts the raw error in the details only', () => {
    const view = describeUnexpected(new TypeError("Cannot read properties of undefined (reading 'invoke')"), t);
    expect(view.title).toBe('Programmet kunde inte hämta uppgifterna');
    expect(view.body).not.toContain('invoke');
    expect(view.details).toContain('TypeError');
  });
});
