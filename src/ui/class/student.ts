/** The class screen (student side): the class, its rules, the student's name, Start. */
import './class.css';
import { h } from '../dom.ts';
import { getState } from '../../store/ui.ts';
import * as app from '../app.ts';
import { ct } from './messages.ts';
import { classCard } from './classInfo.ts';
import { attemptsUsed, rememberedName, startClassGame, startProblem } from './session.ts';
import { MAX_STUDENT_NAME_CHARS } from '../../class/seed.ts';

export function renderClassStudent(root: HTMLElement): () => void {
  const open = getState().classOpen;
  if (!open) { app.goTitle(); return () => {}; }
  const back = h('button', { type: 'button', id: 'class-back', onclick: () => app.goTitle() }, ct('toTitle'));
  if (!open.ok) {
    root.replaceChildren(h('main', { className: 'class-screen', id: 'class-student' },
      h('div', { className: 'class-inner' },
        h('h1', null, ct('classOpenFailed')),
        h('div', { className: 'errors', role: 'alert', id: 'class-open-error' }, h('p', null, open.message)),
        back,
      )));
    back.focus();
    return () => {};
  }
  const name = h('input', { type: 'text', id: 'student-name', maxlength: MAX_STUDENT_NAME_CHARS + 10, autocomplete: 'name', placeholder: ct('namePlaceholder'), value: rememberedName() });
  const problem = h('p', { className: 'neg', id: 'student-problem', role: 'alert' });
  const start = h('button', { type: 'button', className: 'primary', id: 'class-start' }, ct('startClass'));
  const rulesBox = h('div', null, classCard(open.config, attemptsUsed(open.hash, name.value), 'class-h'));
  name.addEventListener('input', () => {
    problem.textContent = '';
    rulesBox.replaceChildren(classCard(open.config, attemptsUsed(open.hash, name.value), 'class-h'));
  });
  const go = async () => {
    const p = startProblem(open, name.value);
    if (p) { problem.textContent = p; name.focus(); return; }
    start.disabled = true;
    const r = await startClassGame(name.value);
    start.disabled = false;
    if (!r.ok) problem.textContent = r.reason;
  };
  start.addEventListener('click', () => void go());
  name.addEventListener('keydown', (e) => { if (e.key === 'Enter') void go(); });
  root.replaceChildren(h('main', { className: 'class-screen', id: 'class-student', 'aria-labelledby': 'class-h' },
    h('div', { className: 'class-inner' },
      rulesBox,
      h('div', { className: 'box class-name-box' },
        h('label', { for: 'student-name' }, ct('yourName')),
        name,
        problem,
        h('div', { className: 'row' }, back, start),
      ),
    )));
  name.focus();
  return () => {};
}
