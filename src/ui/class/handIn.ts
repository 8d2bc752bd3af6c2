/**
 * Hand-in, in the debrief of a class game: the scenario's debrief questions with an answer box
 * each, then "Hand in", which replays the run in the class worker with class-core's `buildResult`
 * and downloads `<name>-<class>.ncrun.json`. Answers are kept for this page while typing.
 */
import '../zodJitless.ts';
import './class.css';
import { h, download } from '../dom.ts';
import { loc, labelled } from '../i18n.ts';
import { getState } from '../../store/ui.ts';
import * as app from '../app.ts';
import { ct } from './messages.ts';
import { classWorker } from './pool.ts';
import { classScenarioSource } from '../../class/config.ts';
import { MAX_ANSWER_CHARS, resultFileName } from '../../class/result.ts';

/** Answers typed so far, by class hash + student (lost on reload, never sent anywhere). */
const drafts = new Map<string, string[]>();

export function handInSection(): HTMLElement | null {
  const cls = getState().classPlay;
  const sc = getState().scenario;
  const snap = getState().snapshot;
  if (!cls || !sc || !snap) return null;
  const key = `${cls.hash}|${cls.student}|${cls.attempt}`;
  const questions = sc.lesson.teaching.debriefQuestions;
  const answers = drafts.get(key) ?? questions.map(() => '');
  drafts.set(key, answers);
  const fileName = resultFileName(cls.student, cls.config.title);
  const status = h('p', { id: 'hand-in-status', role: 'status', 'aria-live': 'polite' });
  const canHandIn = snap.over || cls.config.rules.handInEarly;
  const btn = h('button', { type: 'button', className: 'primary', id: 'hand-in', disabled: !canHandIn }, ct('handInBtn'));
  btn.addEventListener('click', () => void handIn());

  async function handIn(): Promise<void> {
    btn.disabled = true;
    status.className = 'muted';
    status.textContent = ct('handingIn');
    try {
      const host = await app.ensureHost();
      const core = await host.saveData();
      if (!core) throw new Error(getState().engineError ?? 'no game');
      const src = classScenarioSource(cls!.config);
      const reply = await classWorker().run({
        kind: 'build',
        run: {
          scenario: core.scenario, seed: core.seed, autopilot: core.strategy, depreciationYears: core.depreciationYears, log: core.log, week: core.week,
          ...(src.kind === 'scenarioObject' ? { scenarioDoc: src.value } : {}),
        },
        meta: {
          student: cls!.student, attempt: cls!.attempt, answers: answers.map((a) => a.slice(0, MAX_ANSWER_CHARS)), handedInAt: new Date().toISOString(),
          class: { hash: cls!.hash, title: cls!.config.title, seed: cls!.config.seed, seedMode: cls!.config.seedMode },
        },
      });
      if (reply.kind !== 'built') throw new Error(reply.kind === 'error' ? reply.reason : 'unexpected reply');
      if (!reply.ok) throw new Error(reply.reason);
      download(reply.fileName, reply.text, 'application/json');
      status.className = 'pos';
      status.textContent = ct('handedIn', { file: reply.fileName });
    } catch (e) {
      status.className = 'neg';
      status.textContent = ct('handInFailed', { reason: e instanceof Error ? e.message : String(e) });
    } finally {
      btn.disabled = false;
    }
  }

  return h('section', { className: 'section hand-in', id: 'hand-in-section', 'aria-labelledby': 'hand-in-h' },
    h('h2', { id: 'hand-in-h' }, ct('handInHeading')),
    h('p', { className: 'muted' }, labelled(ct('classLabel'), `${cls.config.title} · ${cls.student} · ${ct('attemptOf', { n: cls.attempt })} · ${cls.config.rules.dueDate ? ct('dueOn', { date: cls.config.rules.dueDate }) : ct('noDueDate')}`)),
    h('ol', { className: 'answers' }, questions.map((q, i) => {
      const id = `answer-${i}`;
      const ta = h('textarea', { id, rows: 3, maxlength: MAX_ANSWER_CHARS, 'aria-describedby': `${id}-hint` });
      ta.value = answers[i] ?? '';
      ta.addEventListener('input', () => { answers[i] = ta.value; });
      return h('li', null,
        h('label', { for: id }, h('span', { className: 'sr-only' }, labelled(ct('answerLabel', { n: i + 1 }))), loc(q)),
        ta,
        h('span', { className: 'muted small', id: `${id}-hint` }, ct('answerHint', { n: MAX_ANSWER_CHARS })),
      );
    })),
    h('p', { className: 'muted' }, canHandIn ? ct('handInHelp', { file: fileName }) : ct('handInNotYet')),
    h('div', { className: 'row' }, btn),
    status,
  );
}
