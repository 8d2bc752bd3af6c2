/**
 * The scenario format: the single definition from which the TypeScript types, the runtime
 * validator and `scenarios/scenario.schema.json` all come.
 */
import { z } from 'zod';
import { Id, Localized } from './common.ts';
import { Calendar, GpuModel, Region, PowerSupply, POWER_SUPPLY_DEFAULTS } from './world.ts';
import { Company, Finance, Operations } from './company.ts';
import { Market } from './market.ts';
import { ScenarioEvent } from './events.ts';
import { Lesson } from './lesson.ts';
import { Agents, AGENTS_DEFAULTS } from './agents.ts';

/** The current scenario format version. Older files are migrated (src/scenario/migrations.ts). */
export const SCHEMA_VERSION = 2;

export const Scenario = z
  .object({
    $schema: z.string().max(300).optional().describe('Path to scenario.schema.json, for editor support.'),
    schemaVersion: z.literal(SCHEMA_VERSION).describe('Format version of this file.'),
    id: Id.describe('Scenario id (bundled ids: default, coreweave-2023, ...).'),
    extends: Id.optional().describe('Id of a bundled scenario this file overrides (deep merge; arrays replace).'),
    title: Localized.describe('Title shown on the scenario card.'),
    summary: Localized.describe('One or two sentences for the scenario card.'),
    difficulty: z.enum(['easy', 'normal', 'hard']).describe('Difficulty shown on the card.'),
    defaultSeed: z.number().int().min(0).max(4294967295).describe('Seed used when none is given.'),
    calendar: Calendar,
    gpus: z.array(GpuModel).min(1).max(40).describe('GPU catalogue.'),
    regions: z.array(Region).min(1).max(40).describe('Regions with power and space.'),
    powerSupply: PowerSupply.default(POWER_SUPPLY_DEFAULTS).describe('How powered space answers its price (optional; defaults as in default.json).'),
    company: Company,
    finance: Finance,
    operations: Operations,
    market: Market,
    agents: Agents.default(AGENTS_DEFAULTS).describe('How company agents plan power and how the hyperscaler defends its share (optional; defaults as in default.json).'),
    events: z.array(ScenarioEvent).max(200).describe('Scheduled, conditional and random events.'),
    lesson: Lesson,
  })
  .strict()
  .describe('A Neocloud Tycoon scenario.');

export type Scenario = z.infer<typeof Scenario>;
export type { GpuModel, Region, PowerSupply } from './world.ts';
export type { Effect, ScenarioEvent } from './events.ts';
export type { Objective } from './lesson.ts';
export type { Segment, Rival } from './market.ts';
export type { Localized } from './common.ts';
