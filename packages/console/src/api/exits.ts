import {
  ChurnReport,
  LapsedMembers,
  memberPaths,
  RewardCatalogue,
  rewardPaths,
  WinBackResult,
  type Reward,
  type WinBackRequest,
} from '@loyalty-elements/contract';
import { read, send } from './transport.ts';

/** What the Exits and win-back page reads and does. */
export const exitsApi = {
  /** Churn per month, `YYYY-MM` to `YYYY-MM`, both included. */
  churn: (from: string, to: string) => read(ChurnReport, `${memberPaths.churn}?${new URLSearchParams({ from, to })}`),
  /** A page of lapsed members, longest lapsed first; `cursor` continues a previous page. */
  lapsed: (cursor: string | null) =>
    read(
      LapsedMembers,
      cursor === null ? memberPaths.lapsed : `${memberPaths.lapsed}?${new URLSearchParams({ cursor })}`,
    ),
  /** The rewards a win-back may give: the active ones. */
  async activeRewards(): Promise<Reward[]> {
    const { rewards } = await read(RewardCatalogue, rewardPaths.catalogue);
    return rewards.filter((reward) => reward.active);
  },
  /** Gives the win-back once per `idempotencyKey`: a retry with the same key cannot give twice. */
  winBack: (customerId: string, request: WinBackRequest, idempotencyKey: string) =>
    send(WinBackResult, memberPaths.winBack(customerId), 'POST', request, { 'Idempotency-Key': idempotencyKey }),
};
