/**
 * Uncertainty about the AI boom itself (market.demand.growthShock*): the scenario's growth path is
 * what everyone plans on (the consensus forecast the agents build and bid against); the growth the
 * market really shows is that path times a persistent random factor, and in some quarters the boom
 * stalls into a correction. All off by default (the ablation); drawn from world.rng.demand only.
 */
import { z } from 'zod';
import { Share } from './common.ts';

export const growthShockFields = {
  growthShockSdPct: z.number().finite().min(0).max(200).default(0).describe('Spread of the persistent factor on the demand growth rate, percent: the realised growth is the path\'s value × exp(x), x an AR(1) process with this stationary standard deviation (in percent of the log), starting at 0 (the path is the consensus of the start date; surprises build up). Analysts\' 2030 figures for AI compute differ severalfold between low and high cases (IEA Energy and AI 2025: data-centre electricity in 2035 from ≈700 to ≈1,700 TWh between its Headwinds and Lift-Off cases; LBNL 2024: US data centres 325–580 TWh in 2028), so a seed\'s demand path should be able to land anywhere in such a range. 0 = the path as written in every seed (the ablation). Optional, default 0.'),
  growthShockPersistencePerYear: Share('How much of the growth factor\'s deviation carries over a year (the AR(1) coefficient per year; each quarter takes its fourth root): a demand surprise lasts (models that disappoint, or adoption faster than planned, for years), it is not weekly noise. Optional, default 0.8.').default(0.8),
  growthShockCorrectionChancePerYear: Share('Chance per year that the boom stalls into a correction (drawn each quarter as its share of the yearly chance, while no correction runs): in the 41 years of world semiconductor sales 1984–2024 (WSTS) sales fell in 7 (1985, 1996, 1998, 2001, 2009, 2019, 2023) — about one year in six — and the telecom fibre and dot-com build-outs of 1998–2000 ended in 2001. 0 = no correction (the ablation). Optional, default 0.').default(0),
  growthShockCorrectionGrowthPctMin: z.number().finite().min(-90).max(100).default(-30).describe('Lowest annual growth of demand during a correction, percent (drawn evenly between this and growthShockCorrectionGrowthPctMax at its start; the growth then is the lower of this draw and the path × factor): world semiconductor sales fell 8–32% in their down years (−32% in 2001), telecom carriers\' capital spending ≈−30% a year in 2001–02. Optional, default −30.'),
  growthShockCorrectionGrowthPctMax: z.number().finite().min(-90).max(100).default(0).describe('Highest annual growth of demand during a correction, percent: a stall at best (the 2019 and 2023 memory-led downturns, −12% and −8%, and a flat year). Optional, default 0.'),
  growthShockCorrectionQuartersMin: z.number().int().min(1).max(40).default(4).describe('Shortest correction, quarters (its length is drawn evenly between this and growthShockCorrectionQuartersMax): the semiconductor downturns of 2009, 2019 and 2023 lasted about a year. Optional, default 4.'),
  growthShockCorrectionQuartersMax: z.number().int().min(1).max(40).default(8).describe('Longest correction, quarters: 2001–02 took two years for semiconductors and telecom equipment (fibre capital spending fell until 2003). Optional, default 8.'),
  growthShockCorrectionSentimentFactor: z.number().finite().min(0.1).max(1).default(1).describe('While a correction runs, the equity sentiment index reverts towards the scenario\'s long-run path × this: capital markets mark the sector down when its demand stalls (the Philadelphia semiconductor index fell ≈46% in 2022 and ≈50% in 2008; the Nasdaq 78% in 2000–02; ai-winter\'s own path falls 1.9 → 0.6). 1 = sentiment ignores corrections (the ablation). Optional, default 1.'),
};

export const GrowthShock = z.object(growthShockFields);
export type GrowthShock = z.infer<typeof GrowthShock>;
