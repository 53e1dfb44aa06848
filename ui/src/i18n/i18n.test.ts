import { describe, expect, it } from 'vitest';
import { en, sv } from './catalog';
import i18n, { chooseLanguage, rememberedLanguage } from './index';
import { LANGUAGE_STORAGE_KEY } from './languages';

function keysOf(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keysOf(child, prefix ? `${prefix}.${key}` : key));
}

function leavesOf(value: unknown): unknown[] {
  if (typeof value !== 'object' || value === null) return [value];
  return Object.values(value).flatMap(leavesOf);
}

describe('translations', () => {
  it('have the same keys in Swedish and English', () => {
    expect(keysOf(en).sort()).toEqual(keysOf(sv).sort());
  });

  it('have no empty or non-text entries', () => {
    for (const leaf of [...leavesOf(sv), ...leavesOf(en)]) {
      expect(typeof leaf).toBe('string');
      expect((leaf as string).trim()).not.toBe('');
    }
  });

  it('use the same placeholders in both languages', () => {
    const placeholders = (text: string) => [...text.matchAll(/{{\s*(\w+)/g)].map((m) => m[1]).sort();
    const svLeaves = new Map(keysOf(sv).map((key) => [key, i18n.getResource('sv', 'translation', key) as string]));
    for (const [key, text] of svLeaves) {
      expect(placeholders(i18n.getResource('en', 'translation', key) as string), key).toEqual(placeholders(text));
    }
  });
});

describe('language choice', () => {
  it('defaults to Swedish', () => {
    expect(rememberedLanguage()).toBe('sv');
    expect(i18n.language).toBe('sv');
  });

  it('is remembered and sets the document language', async () => {
    await chooseLanguage('en');
    expect(window.localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('en');
    expect(rememberedLanguage()).toBe('en');
    expect(document.documentElement.lang).toBe('en');
  });

  it('ignores a stored value it does not know', () => {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, 'de');
    expect(rememberedLanguage()).toBe('sv');
  });
});
