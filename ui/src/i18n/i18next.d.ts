import 'i18next';
import type { sv } from './catalog';

// Translation keys are checked at compile time against the Swedish resources
// (the English ones are held to the same keys by i18n.test.ts).
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof sv };
  }
}
