// The shape of one demo case as written in the case-data-*.ts files. Times are hours after the
// case was received, so a case reads like its file: received, accepted after 2 h, published …
import type {
  CaseCategory,
  CaseSource,
  CaseStatus,
  CommitmentSource,
  CommitmentStatus,
  ConsentMethod,
  Department,
  DonationMethod,
  GrantStatus,
  HousingCondition,
  NeedKind,
  PayeeKind,
  Programme,
  ReferralStatus,
  Urgency,
} from "~/generated/prisma/client.ts";
import type { FundKey } from "./funds.ts";
import type { OfficeKey } from "./offices.ts";
import type { OrgKey } from "./organizations.ts";
import type { ProjectKey, SupplyOfferKey, VolunteerOfferKey } from "./resources.ts";
import type { UserKey } from "./users.ts";

export type PersonSpec = {
  name: string;
  sex: "M" | "F";
  birthDate: string;
  /** 3-digit sequence of the ID number: odd for men, even for women. */
  idSeq: number;
  phone: string;
  address: string;
  healthNotes?: string;
  householdSize: number;
  monthlyIncomeFen: number;
  monthlyEssentialFen: number;
  housing: HousingCondition;
  vulnerableMembers: string[];
};

export type NeedSpec = { key: string; kind: NeedKind; title: string; category?: string; unit?: string; target: number };

export type CommitmentSpec = {
  key: string;
  need: string;
  source: CommitmentSource;
  amount: number;
  status: CommitmentStatus;
  /** Hours after receipt when it was pledged (a donation: paid; a fund grant: requested). */
  at: number;
  /** Hours after `at`. */
  confirmedAfter?: number;
  deliveredAfter?: number;
  fund?: FundKey;
  project?: ProjectKey;
  volunteerOffer?: VolunteerOfferKey;
  supplyOffer?: SupplyOfferKey;
  org?: OrgKey;
  pledger?: UserKey;
  pledgerName?: string;
  isAnonymous?: boolean;
  note?: string;
  cancelReason?: string;
  /** FUND only: the FundGrant behind the commitment. */
  grant?: { status: GrantStatus; purpose: string; isAdvance?: boolean; reviewNote?: string };
  /** DONATION only: how the gift was paid. */
  donation?: { method: DonationMethod; donorEmail?: string };
};

export type CaseSpec = {
  key: string;
  status: CaseStatus;
  source: CaseSource;
  category: CaseCategory;
  urgency: Urgency;
  /** Township code (9 digits); the county is its first 6. */
  regionCode: string;
  office: OfficeKey;
  /** The staff member who works the case. */
  staff: UserKey;
  receivedDaysAgo: number;
  acceptedAfter?: number;
  verifiedAfter?: number;
  publishedAfter?: number;
  fulfilledAfter?: number;
  closedAfter?: number;
  /** REJECTED / WITHDRAWN: when it happened. */
  endedAfter?: number;
  statusReason?: string;
  outcome?: string;
  intakeNote: string;
  person: PersonSpec;
  consent?: { by: string; method: ConsentMethod; after: number };
  publicFace?: { alias: string; title: string; story: string };
  needs: NeedSpec[];
  commitments: CommitmentSpec[];
  disbursements?: Array<{ key: string; payeeKind: PayeeKind; payeeName: string; amountFen: number; purpose: string; at: number }>;
  pendingDonations?: Array<{ key: string; method: DonationMethod; amountFen: number; donorName: string; donorEmail: string; daysAgo: number }>;
  updates?: Array<{ at: number; kind: string; text: string }>;
  referrals?: Array<{
    key: string;
    department: Department;
    request: string;
    status: ReferralStatus;
    sentAfter: number;
    dueWorkingDays: number;
    answeredAfter?: number;
    doneAfter?: number;
    result?: string;
  }>;
  assistance?: Array<{ key: string; programme: Programme; amountFen?: number; purpose: string; startedDaysAgo: number; endedDaysAgo?: number; linked: boolean }>;
};
