/**
 * The class's item in the game's top bar (nothing outside a class): "Hand in" when the class
 * allows handing in before the end (it opens the debrief, where the hand-in is), else a pill with
 * the due date. The class title and student are in its accessible name.
 */
import './class.css';
import { h } from '../dom.ts';
import { getState } from '../../store/ui.ts';
import * as app from '../app.ts';
import { ct } from './messages.ts';
import { labelled } from '../i18n.ts';

export function classTopbarItem(): HTMLElement | null {
  const cls = getState().classPlay;
  if (!cls) return null;
  const due = cls.config.rules.dueDate ? ct('dueOn', { date: cls.config.rules.dueDate }) : ct('noDueDate');
  const label = labelled(ct('classLabel'), `${cls.config.title} · ${cls.student} · ${due}`);
  if (cls.config.rules.handInEarly) {
    return h('button', { type: 'button', id: 'class-hand-in-btn', className: 'class-item', title: label, 'aria-label': `${ct('handIn')} — ${label}`, onclick: () => app.goDebrief() }, ct('handIn'));
  }
  return h('span', { className: 'class-item status-pill', id: 'class-item', title: label, 'aria-label': label }, due);
}
