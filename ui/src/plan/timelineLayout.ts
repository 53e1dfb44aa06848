/**
 * Lays out placements for the timeline: one row per unit, each placement a bar over its open
 * weeks, overlapping bars in sub-lanes. The members of an interprofessional team are laid out as
 * one block of adjacent lanes so that they can be framed together.
 */

import type { PlacementView_Serialize } from '../bindings';

export type TimelineBar = {
  placement: PlacementView_Serialize;
  /** Sub-lane within the unit's row, from 0. */
  lane: number;
};

export type TimelineTeam = {
  team: string;
  firstLane: number;
  lanes: number;
  /** Open-week position of the block's first week. */
  start: number;
  /** Open weeks the block spans. */
  weeks: number;
};

export type TimelineRow = {
  unit: string;
  unitName: string;
  providerName: string;
  lanes: number;
  bars: TimelineBar[];
  teams: TimelineTeam[];
};

type Block = { team: string | null; members: PlacementView_Serialize[]; start: number; end: number };

function blocksOf(placements: PlacementView_Serialize[], collator: Intl.Collator): Block[] {
  const teams = new Map<string, PlacementView_Serialize[]>();
  const blocks: Block[] = [];
  for (const p of placements) {
    if (p.team) {
      const members = teams.get(p.team);
      if (members) members.push(p);
      else teams.set(p.team, [p]);
    } else {
      blocks.push({ team: null, members: [p], start: p.first_open_week, end: p.first_open_week + Math.max(1, p.weeks) });
    }
  }
  for (const [team, members] of teams) {
    members.sort(
      (a, b) => collator.compare(a.programme_name, b.programme_name) || collator.compare(a.student_name, b.student_name),
    );
    const start = Math.min(...members.map((m) => m.first_open_week));
    const end = Math.max(...members.map((m) => m.first_open_week + Math.max(1, m.weeks)));
    blocks.push({ team, members, start, end });
  }
  // Earlier first; at the same start the longer block first, so that the lanes pack tightly.
  blocks.sort(
    (a, b) =>
      a.start - b.start ||
      b.end - a.end ||
      b.members.length - a.members.length ||
      collator.compare(a.members[0]!.student_name, b.members[0]!.student_name),
  );
  return blocks;
}

/** Places blocks in the lowest run of lanes free over their weeks (first fit). */
function layoutUnit(placements: PlacementView_Serialize[], collator: Intl.Collator) {
  const freeFrom: number[] = []; // per lane: the first open week from which it is free
  const bars: TimelineBar[] = [];
  const teams: TimelineTeam[] = [];
  for (const block of blocksOf(placements, collator)) {
    const size = block.members.length;
    let lane = 0;
    for (;;) {
      let fits = true;
      for (let j = lane; j < lane + size; j++) {
        if ((freeFrom[j] ?? 0) > block.start) {
          fits = false;
          lane = j + 1;
          break;
        }
      }
      if (fits) break;
    }
    for (let j = 0; j < size; j++) {
      freeFrom[lane + j] = block.end;
      bars.push({ placement: block.members[j]!, lane: lane + j });
    }
    if (block.team) {
      teams.push({ team: block.team, firstLane: lane, lanes: size, start: block.start, weeks: block.end - block.start });
    }
  }
  return { bars, teams, lanes: Math.max(1, freeFrom.length) };
}

/** The timeline's rows: units with at least one of the placements, by provider and unit name. */
export function layoutTimeline(placements: PlacementView_Serialize[], collator: Intl.Collator): TimelineRow[] {
  const byUnit = new Map<string, PlacementView_Serialize[]>();
  for (const p of placements) {
    const list = byUnit.get(p.unit);
    if (list) list.push(p);
    else byUnit.set(p.unit, [p]);
  }
  const rows: TimelineRow[] = [];
  for (const [unit, list] of byUnit) {
    const first = list[0]!;
    rows.push({ unit, unitName: first.unit_name, providerName: first.provider_name, ...layoutUnit(list, collator) });
  }
  rows.sort(
    (a, b) =>
      collator.compare(a.providerName, b.providerName) || collator.compare(a.unitName, b.unitName) || collator.compare(a.unit, b.unit),
  );
  return rows;
}
