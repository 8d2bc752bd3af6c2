/**
 * A contract-facility draw with loans amortising to a residual (`finance.loanResidualShare`) and
 * lenders sizing on debt service (`finance.lenderMinDebtServiceCover`): the room the facility offers
 * (finance/facility.ts, sized on the smaller residual instalments) and the incurrence test the draw
 * then meets (commands/financing.ts `drawFacility` → lending.ts `lenderRefusal`) must count the same
 * instalments — a draw inside the offered room is lent, one above it is refused.
 */
import { describe, expect, it } from 'vitest';
import { runWeeks } from '../../src/engine/api.ts';
import { runCommand } from '../../src/engine/commands/apply.ts';
import { facilityRoomParts } from '../../src/engine/finance/facility.ts';
import { player, variant, world } from './helpers.ts';

function sizedWorld(residualShare: number) {
  const w = world(variant((s) => {
    s.company.cashUsd = 1_000_000_000;
    // A demanding cover, so the debt-service sizing (not the advance rate) sets the room.
    s.finance.lenderMinDebtServiceCover = 5;
    s.finance.loanResidualShare = residualShare;
  }));
  runWeeks(w, 13);
  return w;
}

describe('facility draw with a residual: the offered room is lent', () => {
  for (const share of [0, 0.3]) {
    it(`residual ${share}: a draw of 99% of the room passes, 101% of the sized room is refused`, () => {
      const w = sizedWorld(share);
      const room = facilityRoomParts(w, player(w));
      // The sizing binds (else this would test the advance rate, which both sides already agree on).
      expect(room.sizedUsd).toBeLessThan(room.advanceUsd);
      const roomUsd = room.sizedUsd;
      expect(roomUsd).toBeGreaterThan(1_000_000);
      const at = (usd: number) => runCommand(w, 0, { type: 'drawFacility', amountUsd: Math.floor(usd) }, false);
      const inside = at(0.99 * roomUsd);
      expect(inside.ok ? null : inside.reason).toBeNull();
      expect(at(1.01 * roomUsd).ok).toBe(false);
    });
  }
});
