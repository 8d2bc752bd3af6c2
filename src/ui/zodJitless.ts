/**
 * zod compiles fast parsers with `new Function` unless told not to; the page's CSP forbids eval.
 * Imported before any schema module is evaluated (zod decides per schema at definition time).
 */
import { z } from 'zod';

z.config({ jitless: true });
