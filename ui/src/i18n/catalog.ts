// The translation catalogue: a base file per language plus one file per screen area, so that the
// areas can grow without touching each other's files. Swedish is the reference for keys.
import enBase from './en.json';
import enData from './en/data.json';
import enFiles from './en/files.json';
import enOverview from './en/overview.json';
import enPlan from './en/plan.json';
import enViolations from './en/violations.json';
import enVocabulary from './en/vocabulary.json';
import svBase from './sv.json';
import svData from './sv/data.json';
import svFiles from './sv/files.json';
import svOverview from './sv/overview.json';
import svPlan from './sv/plan.json';
import svViolations from './sv/violations.json';
import svVocabulary from './sv/vocabulary.json';

export const sv = { ...svBase, overview: svOverview, data: svData, plan: svPlan, files: svFiles, violations: svViolations, vocabulary: svVocabulary };
export const en = { ...enBase, overview: enOverview, data: enData, plan: enPlan, files: enFiles, violations: enViolations, vocabulary: enVocabulary };
