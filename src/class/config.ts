/**
 * What a class is: the scenario (a bundled id or a teacher's whole scenario file), the teacher's
 * `extends` overlay of small changes, the seed and how students get theirs, the rules they play
 * under, and a title. The class link (link.ts) and the `.class.json` file carry exactly this.
 *
 * Untrusted on the student's side (anyone can edit a link): parsed with zod, strict keys, every
 * size bounded. The scenario inside is checked later by the scenario loader like any file.
 * No DOM, no Node built-ins (runs in the page, in workers and in Node tests).
 */
import { z } from 'zod';
import { MAX_SEED } from '../scenario/limits.ts';
import { deepMerge } from '../scenario/merge.ts';
import { canonicalJson, sha256Hex } from './hash.ts';
import { CLASS_FILE_FORMAT, saysClassFile } from './classFile.ts';

/** Version of the class config format (the `version` field); a newer one is refused with a reason. */
export const CLASS_CONFIG_VERSION = 1;

/**
 * The scenario format version an overlay over a bundled scenario is written in (the scenario
 * schema's SCHEMA_VERSION; a test keeps them equal — importing the schema here would pull the
 * whole scenario validator into the class link's code).
 */
export const OVERLAY_SCHEMA_VERSION = 2;

export { CLASS_FILE_FORMAT } from './classFile.ts';

/** Longest class title, in characters. */
export const MAX_CLASS_TITLE_CHARS = 120;

/** Most attempts a teacher may allow (null in the config means no limit). */
export const MAX_CLASS_ATTEMPTS = 99;

/** Speeds a class may cap the clock at (weeks per second; the game's own speeds). */
export const CLASS_SPEEDS = [1, 2, 4] as const;

const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** A JSON object (its contents are checked later by the scenario loader, with its own limits). */
const JsonObject = z.custom<Record<string, unknown>>((v) => isObj(v), 'a JSON object');

export const ClassRulesSchema = z
  .object({
    maxSpeed: z.union([z.literal(1), z.literal(2), z.literal(4)]).describe('Fastest clock speed students may use (weeks per second).'),
    pauseEachQuarter: z.boolean().describe('The game pauses at every quarterly report and students cannot switch that off.'),
    attempts: z.number().int().min(1).max(MAX_CLASS_ATTEMPTS).nullable().describe('How many times a student may start the game (counted on their device); null = no limit.'),
    dueDate: z.string().regex(ISO_DATE, 'a date written YYYY-MM-DD').nullable().describe('Shown to students; hand-ins are not refused after it (nothing here has a trusted clock).'),
    language: z.enum(['en', 'zh-CN']).nullable().describe('Language the game opens in for students; null = their own choice.'),
    handInEarly: z.boolean().describe('Students may hand in before the game ends.'),
  })
  .strict();

export const ClassScenarioSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('bundled'), id: z.string().min(1).max(64).describe('A scenario shipped with the game.') }).strict(),
  z.object({ kind: z.literal('file'), value: JsonObject.describe('A whole scenario file (carried in the class).'), fileName: z.string().max(200).optional() }).strict(),
]);

export const ClassConfigSchema = z
  .object({
    version: z.literal(CLASS_CONFIG_VERSION),
    title: z.string().trim().min(1).max(MAX_CLASS_TITLE_CHARS).describe('Shown to students on the class screen and in result file names.'),
    scenario: ClassScenarioSchema,
    overlay: JsonObject.describe('The teacher\'s changes, merged over the scenario as an `extends` overlay (objects merge, lists replace).'),
    seed: z.number().int().min(0).max(MAX_SEED),
    seedMode: z.enum(['shared', 'perStudent']).describe('shared: every student plays the same world; perStudent: seed = hash of the class seed and the student\'s name.'),
    rules: ClassRulesSchema,
  })
  .strict();

export type ClassRules = z.infer<typeof ClassRulesSchema>;
export type ClassScenario = z.infer<typeof ClassScenarioSchema>;
export type ClassConfig = z.infer<typeof ClassConfigSchema>;

export const DEFAULT_CLASS_RULES: ClassRules = { maxSpeed: 4, pauseEachQuarter: true, attempts: null, dueDate: null, language: null, handInEarly: false };

/** A problem with a class config: where and what, for the teacher or the student. */
export interface ClassConfigProblem { path: string; message: string }

export type ClassConfigResult = { ok: true; config: ClassConfig } | { ok: false; problems: ClassConfigProblem[] };

/** Check an untrusted value as a class config (a decoded link, a `.class.json` file's `config`). */
export function parseClassConfig(value: unknown): ClassConfigResult {
  if (isObj(value) && typeof value.version === 'number' && value.version > CLASS_CONFIG_VERSION) {
    return { ok: false, problems: [{ path: 'version', message: `this class was made by a newer version of the game (class format ${value.version}; this game reads ${CLASS_CONFIG_VERSION}). Open it in the newest version of the game.` }] };
  }
  const r = ClassConfigSchema.safeParse(value);
  if (r.success) {
    const overlay = r.data.overlay;
    if ('extends' in overlay) return { ok: false, problems: [{ path: 'overlay.extends', message: 'the overlay may not name its own "extends": the class\'s scenario says what it extends' }] };
    return { ok: true, config: r.data };
  }
  return { ok: false, problems: r.error.issues.slice(0, 10).map((i) => ({ path: i.path.map(String).join('.') || '(class)', message: i.message })) };
}

/**
 * The scenario document the class plays, before validation: the overlay over the bundled
 * scenario (`{ schemaVersion, id: "<bundled id>-class", extends: id, ...overlay }`) or merged over
 * the teacher's whole file. The scenario loader (`loadScenarioObject`) checks and resolves it like
 * any other file.
 */
export function classScenarioDocument(config: Pick<ClassConfig, 'scenario' | 'overlay'>): Record<string, unknown> {
  if (config.scenario.kind === 'bundled') return { schemaVersion: OVERLAY_SCHEMA_VERSION, id: `${config.scenario.id}-class`.slice(0, 48), ...config.overlay, extends: config.scenario.id };
  return deepMerge(config.scenario.value, config.overlay) as Record<string, unknown>;
}

/**
 * Where the class's game comes from, as the engine host's load source: the bundled scenario
 * itself when the teacher changed nothing (so results name the bundled scenario), else the
 * document above.
 */
export function classScenarioSource(config: Pick<ClassConfig, 'scenario' | 'overlay'>): { kind: 'bundled'; id: string } | { kind: 'scenarioObject'; value: Record<string, unknown> } {
  if (config.scenario.kind === 'bundled' && Object.keys(config.overlay).length === 0) return { kind: 'bundled', id: config.scenario.id };
  return { kind: 'scenarioObject', value: classScenarioDocument(config) };
}

/** Is this value a `.class.json` file (by its "format" field)? */
export function isClassFile(value: unknown): value is { format: typeof CLASS_FILE_FORMAT; config: unknown } {
  return saysClassFile(value);
}

/** A `.class.json` file's value for a config. */
export function classFileValue(config: ClassConfig): { format: typeof CLASS_FILE_FORMAT; config: ClassConfig } {
  return { format: CLASS_FILE_FORMAT, config };
}

/** The class's identity: SHA-256 (hex) of its canonical JSON. Result files carry it; the results page compares it. */
export function classHash(config: ClassConfig): Promise<string> {
  return sha256Hex(canonicalJson(config));
}

/** A file-name-safe short form of the class title (for `<name>-<class>.ncrun.json` and `.class.json`). */
export function classSlug(title: string): string {
  const s = title.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 40).replace(/-+$/g, '');
  return s || 'class';
}
