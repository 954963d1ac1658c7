// 监督举报 numbers. The app draws them from a Counter row and the seed moves that row past its demo
// complaints, so both name the row and format the number here.

/** The Counter row the complaint numbers of a year (Asia/Shanghai) are drawn from. */
export const complaintCounterName = (year: string) => `complaint:${year}`;

/** "JB-2026-0001": the year filed and the year's running number. */
export function formatComplaintNo(year: string, seq: number): string {
  if (!/^\d{4}$/.test(year)) throw new RangeError(`Not a year: ${year}`);
  if (!Number.isSafeInteger(seq) || seq < 1) throw new RangeError(`Sequence must be a positive integer, got ${seq}`);
  return `JB-${year}-${String(seq).padStart(4, "0")}`;
}
