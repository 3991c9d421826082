import fs from 'node:fs';
import path from 'node:path';
import { MOVES } from '@calmdesk/simulator';
import { z } from 'zod';
import type { TContentError } from './index.js';
import { parseYamlSource, readYamlFile, ZLocalisedStrict } from './validate.js';

/**
 * The role-play scenario format (content/scenarios/FORMAT.md), as a schema. The JSON Schema
 * published beside the scenarios is generated from this one (scripts/write-scenario-schema.ts),
 * so the two cannot drift apart.
 */
const ZLocalised = ZLocalisedStrict;
const ZMeter = z.number().int().min(0).max(100);
const ZDelta = z.number().int().min(-100).max(100);

/** The moves a scenario's effects may name: the simulator's own list. */
export const SCENARIO_MOVES = MOVES;
export const ZScenarioMove = z.enum(SCENARIO_MOVES);

const ZEffect = z.object({ anger: ZDelta.optional(), trust: ZDelta.optional(), patience: ZDelta.optional() }).strict();
const ZLines = z.array(z.string().min(1)).min(1);

export const ZScenario = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'kebab-case: lower-case letters, digits and dashes'),
    title: ZLocalised,
    summary: ZLocalised,
    family: z.enum(['complaint', 'inquiry', 'follow_up', 'retention']),
    temperament: z.enum(['impatient', 'hesitant', 'expert', 'hostile']),
    difficulty: z.number().int().min(1).max(3),
    goods: z.enum(['clothing', 'electronics', 'food', 'cosmetics', 'furniture', 'appliances', 'baby', 'other']),
    persona: z.object({ name: z.string().min(1), description: ZLocalised }).strict(),
    facts: z.record(z.string().regex(/^[a-z_]+$/), z.union([z.string(), z.number()])),
    situation: ZLocalised,
    need: ZLocalised,
    acceptable_outcomes: z.array(ZLocalised).min(1),
    start: z.object({ anger: ZMeter, trust: ZMeter, patience: ZMeter }).strict(),
    max_turns: z.number().int().min(2).max(30),
    effects: z.partialRecord(ZScenarioMove, ZEffect),
    ending: z
      .object({
        escalated: z.object({ anger_at_least: ZMeter }).strict(),
        leaves: z.object({ patience_at_most: ZMeter }).strict(),
        resolved: z.object({ anger_at_most: ZMeter, trust_at_least: ZMeter, needs: z.array(ZScenarioMove).default([]) }).strict(),
      })
      .strict(),
    lines: z
      .object({
        opening: ZLines,
        hot: ZLines,
        tense: ZLines,
        calmer: ZLines,
        resolved: ZLines,
        escalated: ZLines,
        leaves: ZLines,
        out_of_turns: ZLines,
        reactions: z.partialRecord(ZScenarioMove, ZLines).optional(),
      })
      .strict(),
  })
  .strict()
  .superRefine((scenario, ctx) => {
    // Every {slot} in a line must be a fact.
    const check = (line: string, where: (string | number)[]) => {
      for (const m of line.matchAll(/\{([a-z_]+)\}/g)) {
        if (!(m[1]! in scenario.facts)) ctx.addIssue({ code: 'custom', path: where, message: `unknown slot {${m[1]}}: add it to facts` });
      }
    };
    for (const [band, lines] of Object.entries(scenario.lines)) {
      if (Array.isArray(lines)) lines.forEach((line, i) => check(line, ['lines', band, i]));
      else for (const [move, reactions] of Object.entries(lines ?? {})) (reactions as string[]).forEach((line, i) => check(line, ['lines', 'reactions', move, i]));
    }
  });

export type TScenarioFile = z.output<typeof ZScenario>;

/** The JSON Schema of a scenario file, for editors and other tools. */
export function scenarioJsonSchema(): unknown {
  return z.toJSONSchema(ZScenario, { io: 'input', target: 'draft-2020-12' });
}

/**
 * Validates one scenario file, or every *.yaml in a folder.
 * @returns the scenarios, or every problem (file, line, field); ids must be unique and match file names
 */
export function loadScenarios(target: string): { success: true; data: TScenarioFile[] } | { success: false; errors: TContentError[] } {
  let files: string[];
  try {
    files = fs.statSync(target).isDirectory()
      ? fs
          .readdirSync(target)
          .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
          .sort()
          .map((f) => path.join(target, f))
      : [target];
  } catch (error) {
    return { success: false, errors: [{ file: target, path: '', message: `cannot read: ${(error as Error).message}` }] };
  }
  const errors: TContentError[] = [];
  const scenarios: TScenarioFile[] = [];
  const ids = new Map<string, string>();
  for (const file of files) {
    const result = readYamlFile(file, ZScenario);
    if (!result.success) {
      errors.push(...result.errors);
      continue;
    }
    const expected = path.basename(file).replace(/\.ya?ml$/, '');
    if (result.data.id !== expected) errors.push({ file, path: 'id', message: `id "${result.data.id}" must match the file name "${expected}"` });
    const seen = ids.get(result.data.id);
    if (seen) errors.push({ file, path: 'id', message: `id "${result.data.id}" is also used by ${seen}` });
    ids.set(result.data.id, file);
    scenarios.push(result.data);
  }
  if (files.length === 0) errors.push({ file: target, path: '', message: 'no .yaml scenario files here' });
  return errors.length > 0 ? { success: false, errors } : { success: true, data: scenarios };
}

/** Validates scenario YAML pasted in the app (not a file): errors carry line and field. */
export function parseScenarioSource(source: string): { success: true; data: TScenarioFile } | { success: false; errors: TContentError[] } {
  return parseYamlSource(source, ZScenario, 'scenario');
}
