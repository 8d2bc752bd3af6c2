/**
 * Building blocks shared by every part of the scenario schema.
 * Every number carries its unit in the field name; every field has a description, which the
 * JSON Schema and the authoring guide (docs/scenarios.md) are generated from.
 */
import { z } from 'zod';
import { parseIsoDate } from '../dates.ts';

/** A text shown to players, in English (required) and Simplified Chinese (optional, falls back to English). */
export const Localized = z
  .object({
    en: z.string().min(1).max(4000).describe('English text (required).'),
    'zh-CN': z.string().min(1).max(4000).optional().describe('Simplified Chinese text; English is shown when missing.'),
  })
  .strict()
  .describe('A text in English and, optionally, Simplified Chinese.');
export type Localized = z.infer<typeof Localized>;

/** Identifier used for cross references (GPU models, regions, rivals, events). */
export const Id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,47}$/, 'an id of lowercase letters, digits and dashes (at most 48 characters)')
  .describe('Identifier: lowercase letters, digits and dashes.');

/** A calendar date, `YYYY-MM-DD`. The engine turns it into a week index from the scenario start. */
const ISO_DATE_RE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
export const IsoDate = z
  .string()
  .regex(ISO_DATE_RE, 'a date written YYYY-MM-DD')
  // Reported only when the shape is right but the day does not exist (2025-02-30).
  .refine((s) => !ISO_DATE_RE.test(s) || parseIsoDate(s) !== undefined, 'a real calendar date (that month has fewer days)')
  .describe('A calendar date, YYYY-MM-DD.');

export const Usd = (what: string) => z.number().finite().min(0).max(1e14).describe(what);
export const Pct = (what: string) => z.number().finite().min(0).max(100).describe(what);
export const Share = (what: string) => z.number().finite().min(0).max(1).describe(what);
export const Weeks = (what: string) => z.number().int().min(0).max(2080).describe(what);
export const Count = (what: string, max = 10_000_000) => z.number().int().min(0).max(max).describe(what);
