/**
 * The student side of a class: open a class (link or `.class.json`), start a game under its rules
 * (the seed for this student, attempts counted on this device), and the rules the running game
 * obeys (speed cap, pause at each quarter). The hand-in is handIn.ts.
 */
import '../zodJitless.ts';
import { getState, setState, type ClassOpen, type ClassPlay } from '../../store/ui.ts';
import { decodeClassLink } from '../../class/link.ts';
import { parseClassConfig, isClassFile, classHash, classScenarioSource, type ClassConfig } from '../../class/config.ts';
import { classSeedFor, normaliseStudentName, MAX_STUDENT_NAME_CHARS } from '../../class/seed.ts';
import * as app from '../app.ts';
import { ct } from './messages.ts';
import { labelled } from '../i18n.ts';

const NAME_KEY = 'neocloud.class.studentName';
const ATTEMPTS_KEY = (hash: string, name: string) => `neocloud.class.attempts.${hash}.${normaliseStudentName(name)}`;

/** The name this device last played a class under ('' when none). */
export function rememberedName(): string {
  try { return localStorage.getItem(NAME_KEY) ?? ''; } catch { return ''; }
}

function rememberName(name: string): void {
  try { localStorage.setItem(NAME_KEY, name); } catch { /* storage off: the name is simply asked again */ }
}

/** Attempts this student started in this class on this device. */
export function attemptsUsed(hash: string, name: string): number {
  try {
    const n = Number(localStorage.getItem(ATTEMPTS_KEY(hash, name)) ?? '0');
    return Number.isInteger(n) && n >= 0 ? n : 0;
  } catch { return 0; }
}

function countAttempt(hash: string, name: string): number {
  const n = attemptsUsed(hash, name) + 1;
  try { localStorage.setItem(ATTEMPTS_KEY(hash, name), String(n)); } catch { /* not kept: counted for this page only */ }
  return n;
}

async function opened(config: ClassConfig): Promise<ClassOpen> {
  return { ok: true, config, hash: await classHash(config) };
}

/** Show a class on the class screen (and apply its language rule). */
function show(open: ClassOpen): void {
  if (open.ok && open.config.rules.language) app.setSettings({ lang: open.config.rules.language });
  setState({ classOpen: open, screen: 'classStudent' });
}

/** Open the class in a link (a whole URL or its `#class=` fragment). */
export async function openClassLink(url: string): Promise<ClassOpen> {
  const r = await decodeClassLink(url);
  const open: ClassOpen = r.ok
    ? await opened(r.config)
    : { ok: false, message: ct(`link_${r.code}`, { detail: r.problems?.slice(0, 3).map((p) => `${p.path}: ${p.message}`).join('; ') ?? r.reason }), detail: r.reason };
  show(open);
  return open;
}

/** Open a `.class.json` file's parsed value (the title screen decides by its "format" field). */
export async function openClassFileValue(value: unknown): Promise<ClassOpen> {
  const cfg = isClassFile(value) ? parseClassConfig(value.config) : null;
  const open: ClassOpen = cfg?.ok
    ? await opened(cfg.config)
    : { ok: false, message: ct('classFileBad', { detail: cfg && !cfg.ok ? cfg.problems.slice(0, 3).map((p) => `${p.path}: ${p.message}`).join('; ') : 'not a class file' }) };
  show(open);
  return open;
}

/** The seed a student plays in a class. */
export function seedFor(config: ClassConfig, name: string): number {
  return classSeedFor(config, name);
}

/** Why this name cannot start the class now, or null. */
export function startProblem(open: Extract<ClassOpen, { ok: true }>, name: string): string | null {
  if (normaliseStudentName(name).length === 0) return ct('nameMissing');
  if (name.trim().length > MAX_STUDENT_NAME_CHARS) return ct('nameTooLong', { n: MAX_STUDENT_NAME_CHARS });
  const max = open.config.rules.attempts;
  if (max !== null && attemptsUsed(open.hash, name) >= max) return ct('noAttemptsLeft', { n: max });
  return null;
}

/**
 * Start the class's game for `name`: counts an attempt, loads the class's scenario (the host
 * validates it like any file) with this student's seed, and opens the briefing. On failure
 * nothing is counted and the reason comes back.
 */
export async function startClassGame(name: string): Promise<{ ok: true } | { ok: false; reason: string }> {
  const open = getState().classOpen;
  if (!open?.ok) return { ok: false, reason: ct('classOpenFailed') };
  const problem = startProblem(open, name);
  if (problem) return { ok: false, reason: problem };
  const student = name.trim();
  const seed = seedFor(open.config, student);
  const attempt = attemptsUsed(open.hash, student) + 1;
  const play: ClassPlay = { config: open.config, hash: open.hash, student, seed, attempt };
  if (open.config.rules.pauseEachQuarter) app.setSettings({ autoPauseOnQuarter: true });
  const r = await app.loadGame({ source: classScenarioSource(open.config), seed }, 'briefing', { classPlay: play });
  if (!r.ok) return { ok: false, reason: labelled(ct('classScenarioFailed'), r.reason) };
  countAttempt(open.hash, student);
  rememberName(student);
  return { ok: true };
}
