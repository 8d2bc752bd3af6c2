/**
 * The `format` field of a `.class.json` file, zod-free so the title screen can tell a class file
 * from a scenario or a save without loading the validator.
 */
export const CLASS_FILE_FORMAT = 'neocloud-class';

/** Does this parsed JSON say it is a class file? (Its contents are checked by config.ts.) */
export function saysClassFile(value: unknown): boolean {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && (value as Record<string, unknown>).format === CLASS_FILE_FORMAT;
}
