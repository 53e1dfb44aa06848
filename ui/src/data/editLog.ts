import type { TFunction } from 'i18next';
import type { EditEntry } from '../bindings';
import type { Language } from '../i18n/languages';
import { localeOf } from '../lib/format';

const ACTIONS = ['added', 'changed', 'removed'] as const;
type Action = (typeof ACTIONS)[number];
const KINDS = ['term', 'weights', 'school', 'programme', 'provider', 'unit', 'student'] as const;
type Kind = (typeof KINDS)[number];

/** A logged edit. */
export type LoggedEdit = {
  seq: number;
  kind: string;
  entityId: string | null;
  /** Null for an action this version of the UI does not know. */
  action: Action | null;
  undone: boolean;
  createdAt: string;
};

function isAction(value: unknown): value is Action {
  return typeof value === 'string' && (ACTIONS as readonly string[]).includes(value);
}

function isKind(value: string): value is Kind {
  return (KINDS as readonly string[]).includes(value);
}

export function loggedEdit(entry: EditEntry): LoggedEdit {
  return {
    seq: entry.seq,
    kind: entry.kind,
    entityId: entry.entity_id ?? null,
    action: isAction(entry.action) ? entry.action : null,
    undone: entry.undone,
    createdAt: entry.created_at,
  };
}

/** "ändrade student st-0001", "lade till enhet ks-avd13", "ändrade vikterna". */
export function describeEdit(edit: LoggedEdit, t: TFunction): string {
  if (edit.action && isKind(edit.kind)) {
    const what = t(`data.log.kinds.${edit.kind}`);
    if (edit.kind === 'term' || edit.kind === 'weights' || edit.entityId === null) return t(`data.log.actions.${edit.action}`, { what });
    return t(`data.log.actions.${edit.action}`, { what: `${what} ${edit.entityId}` });
  }
  return [edit.kind, edit.entityId].filter(Boolean).join(' ');
}

export function capitalise(text: string, language: Language): string {
  return text.charAt(0).toLocaleUpperCase(localeOf(language)) + text.slice(1);
}

const timeFormats = new Map<Language, Intl.DateTimeFormat>();

/** When an edit was made, in the reader's time zone; the log stores UTC ("2027-08-30 12:34:56"). */
export function formatEditTime(value: string, language: Language): string {
  const iso = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}/.test(value) ? `${value.replace(' ', 'T')}Z` : value;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return value;
  let format = timeFormats.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(localeOf(language), { dateStyle: 'medium', timeStyle: 'short' });
    timeFormats.set(language, format);
  }
  return format.format(date);
}
