/**
 * A stable colour per programme: the programme id hashed onto a palette, so a programme keeps its
 * colour across filters, screens and sessions. Each entry is a soft fill with a strong edge and
 * dark text, legible on the light timeline.
 */

export type ProgrammeColour = { fill: string; edge: string };

/**
 * A qualitative palette (after Tableau 20 and Okabe–Ito): neighbouring entries differ in hue and
 * lightness, so two programmes side by side are told apart.
 */
const EDGES = [
  '#1f6fb2',
  '#d9730d',
  '#2e8b57',
  '#c2185b',
  '#6a4fb3',
  '#00838f',
  '#9e7c0c',
  '#b3261e',
  '#6d4c41',
  '#5f6b7a',
  '#558b2f',
  '#3949ab',
];

/** The same colour, mixed towards white for the fill (dark text stays readable on it). */
function soft(hex: string): string {
  const n = Number.parseInt(hex.slice(1), 16);
  const mix = (c: number) => Math.round(c + (255 - c) * 0.78);
  return `rgb(${mix((n >> 16) & 255)} ${mix((n >> 8) & 255)} ${mix(n & 255)})`;
}

export const PALETTE: readonly ProgrammeColour[] = EDGES.map((edge) => ({ fill: soft(edge), edge }));

/** FNV-1a over the UTF-16 code units: fast, and the same in every session. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function programmeColour(programmeId: string): ProgrammeColour {
  return PALETTE[hash(programmeId) % PALETTE.length]!;
}
