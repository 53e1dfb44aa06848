import { describe, expect, it } from 'vitest';
import type { EditEntry } from '../bindings';
import i18n from '../i18n';
import { capitalise, describeEdit, formatEditTime, loggedEdit } from './editLog';

const t = i18n.t.bind(i18n);

/** An entry as the back end sends it. */
function entry(fields: Partial<EditEntry>): EditEntry {
  return { seq: 1, kind: 'student', entity_id: 'st-0001', action: 'changed', undone: false, created_at: '2027-08-30 10:15:00', ...fields };
}

describe('the edit log', () => {
  it('says what an edit did in the reader\'s language, from its coded action', async () => {
    expect(describeEdit(loggedEdit(entry({ action: 'changed' })), t)).toBe('ändrade student st-0001');
    expect(describeEdit(loggedEdit(entry({ action: 'added', kind: 'unit', entity_id: 'ks-avd13' })), t)).toBe('lade till enhet ks-avd13');
    expect(describeEdit(loggedEdit(entry({ action: 'changed', kind: 'weights', entity_id: null })), t)).toBe('ändrade vikterna');
    await i18n.changeLanguage('en');
    expect(capitalise(describeEdit(loggedEdit(entry({ action: 'removed', kind: 'school', entity_id: 'sh' })), i18n.t.bind(i18n)), 'en')).toBe('Removed school sh');
  });

  it('shows an action it does not know by what was edited', () => {
    expect(describeEdit(loggedEdit(entry({ action: 'merged' })), t)).toBe('student st-0001');
  });

  it('shows the time of an edit, stored in UTC, in the reader\'s time zone', () => {
    const shown = formatEditTime('2027-08-30 10:15:00', 'sv');
    const expected = new Intl.DateTimeFormat('sv-SE', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(Date.UTC(2027, 7, 30, 10, 15)));
    expect(shown).toBe(expected);
    expect(formatEditTime('not a time', 'sv')).toBe('not a time');
  });
});
