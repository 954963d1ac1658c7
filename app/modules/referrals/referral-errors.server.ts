/** Why a referral write was refused; each maps to a status and a message in the route. */
export type ReferralRefusal = "caseFinal" | "notFound" | "notAllowedFromStatus" | "resultRequired" | "dueInPast";

export class ReferralRefusedError extends Error {
  constructor(readonly reason: ReferralRefusal) {
    super(`referral refused: ${reason}`);
    this.name = "ReferralRefusedError";
  }
}

/** Someone answered the referral since the form was loaded: 409. */
export class ReferralChangedError extends Error {
  constructor() {
    super("referral changed concurrently");
    this.name = "ReferralChangedError";
  }
}
