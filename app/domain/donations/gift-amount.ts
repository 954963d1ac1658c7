/**
 * How much a card gift may be (DESIGN §6: "capped at what the case still needs; minimum ¥1").
 * A gift is recorded against ONE cash line — the first open one in the case's order — so the cap
 * is what that line still needs. A case with two cash lines fills them one after the other; the
 * donor can give again once the first is covered. Keeping one gift on one line means one
 * Commitment per gift and an all-or-nothing reservation when the payment lands.
 */
import { fen, yuanToFen, type Fen } from "../money.ts";

export const MIN_GIFT_FEN: Fen = fen(100);

export type NeedLineForGift = {
  id: string;
  kind: "CASH" | "ITEM" | "SERVICE";
  status: "OPEN" | "COVERED" | "CANCELLED";
  target: number;
  committed: number;
  sortOrder: number;
};

/** What a line still needs (0 unless it is OPEN); never negative. */
export function remainingFen(line: Pick<NeedLineForGift, "status" | "target" | "committed">): Fen {
  if (line.status !== "OPEN") return fen(0);
  return fen(Math.max(0, line.target - line.committed));
}

/** The cash line a new gift goes to: the first OPEN cash line (by sortOrder) that still needs money. */
export function pickCashLine<L extends NeedLineForGift>(lines: readonly L[]): L | null {
  const open = lines.filter((l) => l.kind === "CASH" && remainingFen(l) > 0);
  open.sort((a, b) => a.sortOrder - b.sortOrder);
  return open[0] ?? null;
}

export type GiftAmountProblem = "format" | "precision" | "belowMinimum" | "overCap" | "nothingOpen";
export type GiftAmountCheck = { ok: true; amount: Fen } | { ok: false; problem: GiftAmountProblem };

/** Parses what the donor typed in 元 and checks it against the minimum and the cap (in 分). */
export function checkGiftAmount(input: string, capFen: Fen): GiftAmountCheck {
  const parsed = yuanToFen(input);
  if (!parsed.ok) return { ok: false, problem: parsed.reason === "precision" ? "precision" : "format" };
  if (capFen <= 0) return { ok: false, problem: "nothingOpen" };
  if (parsed.value < MIN_GIFT_FEN) return { ok: false, problem: "belowMinimum" };
  if (parsed.value > capFen) return { ok: false, problem: "overCap" };
  return { ok: true, amount: parsed.value };
}
