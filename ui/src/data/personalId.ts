/**
 * Personal identity numbers are sensitive personal data: grids and lists show only the date of
 * birth ("20010505-****"); the full number is shown in the edit form alone.
 */
export function maskPersonalId(value: string): string {
  const digits = value.replace(/\D/g, '');
  if (digits.length < 8) return '****';
  return `${digits.slice(0, 8)}-****`;
}
