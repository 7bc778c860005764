// Demo tags: lower-case labels with a colour, plus `eol-YYYY` tags made from each item's planned end of life.
export interface TagSeed {
  name: string;
  color: string;
  description: string;
}

/** Departments that deployed kit is tagged with. */
export const departmentTags = [
  'finance',
  'hr',
  'engineering',
  'sales',
  'marketing',
  'legal',
  'operations',
  'research',
];

const described: Record<string, string> = {
  remote: 'Used by a remote worker',
  loaner: 'Lent out for short periods',
  'byod-exempt': 'Exempt from the bring-your-own-device policy',
  encrypted: 'Disk encryption enforced',
  shared: 'Shared by a team, not one person',
  critical: 'Outage stops the business',
  production: 'Serves production systems',
  backup: 'Part of the backup estate',
  executive: 'Issued to an executive',
  pool: 'Pool vehicle, book before use',
  leased: 'Leased, not owned',
  hazardous: 'Needs training or protective equipment',
  calibration: 'Needs periodic calibration',
};

const palette = ['#1c7ed6', '#37b24d', '#f59f00', '#e03131', '#7048e8', '#0ca678', '#d6336c', '#495057'];

export function endOfLifeTag(year: number): string {
  return `eol-${year}`;
}

/** The tag rows for the vocabulary plus the given end-of-life years. */
export function tagRows(endOfLifeYears: Iterable<number>): TagSeed[] {
  const rows: TagSeed[] = [
    ...Object.entries(described).map(([name, description]) => ({ name, description, color: '' })),
    ...departmentTags.map((name) => ({ name, description: `Belongs to ${name}`, color: '' })),
    ...[...new Set(endOfLifeYears)].sort().map((year) => ({
      name: endOfLifeTag(year),
      description: `Planned end of life in ${year}`,
      color: '',
    })),
  ];
  return rows.map((row, index) => ({ ...row, color: palette[index % palette.length] ?? '#495057' }));
}
