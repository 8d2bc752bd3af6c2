/** Runner contract over full runs: the growth autopilots (see contract.ts). */
import { contractSuite } from './contract.ts';

contractSuite(['leveraged', 'prudent'], [1, 2, 3]);
