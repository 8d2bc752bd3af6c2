/**
 * A `verify` worker thread: one result file per message — read it (bounded) when given a path,
 * verify it with the shared verifier (src/class/verify.ts, the same code the class page runs in
 * its Web Workers) and post back the row. Never fails a task: every problem is a row.
 */
import { workerData } from 'node:worker_threads';
import { verifyResultText, type VerifyRow, type VerifyOptions } from '../class/verify.ts';
import { MAX_FILE_BYTES } from '../scenario/limits.ts';
import { readBounded } from './readFile.ts';
import { serveTasks } from './workerPool.ts';
import type { VerifyTask } from './verifyTasks.ts';
import { useSourceBuildId } from './buildId.ts';

useSourceBuildId();

serveTasks(async (task: VerifyTask, options: Omit<VerifyOptions, 'file'>): Promise<VerifyRow> => {
  if ('problem' in task) return { file: task.file, status: 'invalid', reason: task.problem };
  if ('text' in task) return verifyResultText(task.text, { ...options, file: task.file });
  const r = readBounded(task.path, MAX_FILE_BYTES.classResult);
  if (!r.ok) return { file: task.file, status: 'invalid', reason: `not read: ${r.why}` };
  return verifyResultText(r.text, { ...options, file: task.file });
}, (workerData as { data: Omit<VerifyOptions, 'file'> }).data ?? {});
