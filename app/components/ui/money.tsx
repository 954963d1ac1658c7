import { fen, formatFen } from "~/domain/money.ts";

export function Money({ fen: amount }: { fen: number }) {
  return <span className="tabular-nums">{formatFen(fen(amount))}</span>;
}
