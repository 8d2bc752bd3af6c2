/** Runner contract over full runs: the benchmark autopilots (see contract.ts). */
import { contractSuite } from './contract.ts';

contractSuite(['idle', 'random'], [1, 2, 3]);
