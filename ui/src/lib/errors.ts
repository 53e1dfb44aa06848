import type { TFunction } from 'i18next';
import type { AppError, InputProblem, Violation } from '../bindings';

/** What the UI says about a failure: always translated, never a raw library string as the message. */
export type ErrorView = {
  title: string;
  body: string;
  /** Input problems to list (InvalidInput). */
  problems?: InputProblem[];
  /** Rules a change would break (RulesBroken). */
  violations?: Violation[];
  /** Technical text for a "details" disclosure, for whoever supports the coordinator. */
  details?: string;
};

const KNOWN_THINGS = ['term', 'school', 'programme', 'provider', 'unit', 'student', 'need', 'supervisor', 'plan', 'plan version'] as const;
type KnownThing = (typeof KNOWN_THINGS)[number];

function isKnownThing(value: string): value is KnownThing {
  return (KNOWN_THINGS as readonly string[]).includes(value);
}

/** Turns an AppError from the Rust side into the message a coordinator sees. */
export function describeAppError(error: AppError, t: TFunction): ErrorView {
  switch (error.type) {
    case 'Storage':
      return {
        title: t('errors.storage.title'),
        body: t('errors.storage.body'),
        details: error.data.message,
      };
    case 'NotFound': {
      const what = error.data.what.toLowerCase();
      return {
        title: t('errors.notFound.title'),
        body: t('errors.notFound.body', {
          what: isKnownThing(what) ? t(`errors.things.${what}`) : t('errors.things.other'),
          id: error.data.id,
        }),
      };
    }
    case 'InvalidInput':
      return {
        title: t('errors.invalidInput.title'),
        body: t('errors.invalidInput.body'),
        problems: error.data.problems,
      };
    case 'TermExists':
      return {
        title: t('errors.termExists.title'),
        body: t('errors.termExists.body', { id: error.data.id }),
      };
    case 'RulesBroken':
      return {
        title: t('errors.rulesBroken.title'),
        body: t('errors.rulesBroken.body'),
        violations: error.data.violations,
      };
    case 'Busy':
      return {
        title: t('errors.busy.title'),
        body: t('errors.busy.body', { id: error.data.term_id }),
      };
    case 'File':
      return {
        title: t('errors.file.title'),
        body: t('errors.file.body', { path: error.data.path }),
        details: error.data.message,
      };
    default:
      return describeUnexpected(error satisfies never, t);
  }
}

/**
 * A failure that is not an AppError: the IPC bridge missing (the UI opened outside the app),
 * a command the back end does not know, a bug. The raw text goes into the details only.
 */
export function describeUnexpected(error: unknown, t: TFunction): ErrorView {
  return {
    title: t('errors.unexpected.title'),
    body: t('errors.unexpected.body'),
    details: technicalText(error),
  };
}

function technicalText(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  if (typeof error === 'string') return error;
  try {
    return JSON.stringify(error);
  } catch {
    return String(error);
  }
}
