-- CreateEnum
CREATE TYPE "RegionLevel" AS ENUM ('PROVINCE', 'CITY', 'COUNTY', 'TOWNSHIP', 'VILLAGE');

-- CreateEnum
CREATE TYPE "StandardKind" AS ENUM ('DIBAO_URBAN', 'DIBAO_RURAL', 'TEKUN');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('DONOR', 'VOLUNTEER', 'ORG_MEMBER', 'STAFF', 'REVIEWER', 'ADMIN');

-- CreateEnum
CREATE TYPE "OrganizationKind" AS ENUM ('CHARITY', 'ENTERPRISE', 'SOCIAL_WORK');

-- CreateEnum
CREATE TYPE "OrganizationStatus" AS ENUM ('PENDING', 'VETTED', 'REJECTED', 'SUSPENDED');

-- CreateEnum
CREATE TYPE "MemberRole" AS ENUM ('OWNER', 'MEMBER');

-- CreateEnum
CREATE TYPE "CaseStatus" AS ENUM ('REPORTED', 'ACCEPTED', 'VERIFIED', 'PUBLISHED', 'FULFILLED', 'CLOSED', 'REJECTED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "CaseSource" AS ENUM ('HOTLINE_12349', 'SERVICE_WINDOW', 'ONLINE_REPORT', 'PROACTIVE_COMMUNITY', 'PROACTIVE_SCHOOL', 'PROACTIVE_HOSPITAL', 'PROACTIVE_POLICE', 'REFERRAL_IN');

-- CreateEnum
CREATE TYPE "CaseCategory" AS ENUM ('MAJOR_ILLNESS', 'ACCIDENT', 'DISASTER', 'DEATH_OF_BREADWINNER', 'EDUCATION', 'OTHER');

-- CreateEnum
CREATE TYPE "Urgency" AS ENUM ('CRITICAL', 'HIGH', 'NORMAL');

-- CreateEnum
CREATE TYPE "AgeBand" AS ENUM ('CHILD', 'YOUNG_ADULT', 'ADULT', 'SENIOR');

-- CreateEnum
CREATE TYPE "HousingCondition" AS ENUM ('OWNED_SAFE', 'RENTED', 'DILAPIDATED', 'DESTROYED', 'NONE');

-- CreateEnum
CREATE TYPE "ConsentMethod" AS ENUM ('SIGNED_FORM', 'RECORDED_CALL');

-- CreateEnum
CREATE TYPE "NeedKind" AS ENUM ('CASH', 'ITEM', 'SERVICE');

-- CreateEnum
CREATE TYPE "NeedStatus" AS ENUM ('OPEN', 'COVERED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "Department" AS ENUM ('HEALTH', 'MEDICAL_INSURANCE', 'EDUCATION', 'HOUSING', 'HUMAN_RESOURCES', 'EMERGENCY_MANAGEMENT', 'DISABLED_PERSONS_FEDERATION', 'RED_CROSS', 'TRADE_UNION', 'WOMENS_FEDERATION', 'JUDICIAL', 'OTHER');

-- CreateEnum
CREATE TYPE "ReferralStatus" AS ENUM ('SENT', 'ACCEPTED', 'DONE', 'DECLINED');

-- CreateEnum
CREATE TYPE "Programme" AS ENUM ('DIBAO', 'TEKUN', 'MEDICAL_AID', 'TEMPORARY_AID', 'EDUCATION_AID', 'HOUSING_AID', 'EMPLOYMENT_AID', 'DISASTER_RELIEF', 'DISABILITY_SUBSIDY', 'JIUJINAN');

-- CreateEnum
CREATE TYPE "FundStatus" AS ENUM ('ACTIVE', 'CLOSED');

-- CreateEnum
CREATE TYPE "ResourceStatus" AS ENUM ('DRAFT', 'ACTIVE', 'PAUSED', 'CLOSED');

-- CreateEnum
CREATE TYPE "CommitmentSource" AS ENUM ('FUND', 'PROJECT', 'VOLUNTEER_OFFER', 'SUPPLY_OFFER', 'DIRECT_PLEDGE', 'DONATION', 'GOVERNMENT');

-- CreateEnum
CREATE TYPE "CommitmentStatus" AS ENUM ('PLEDGED', 'CONFIRMED', 'DELIVERED', 'CANCELLED', 'EXPIRED');

-- CreateEnum
CREATE TYPE "DonationMethod" AS ENUM ('CARD', 'TRANSFER');

-- CreateEnum
CREATE TYPE "DonationStatus" AS ENUM ('PENDING', 'PAID', 'FAILED', 'EXPIRED', 'REFUNDED', 'HELD');

-- CreateEnum
CREATE TYPE "StripeEventStatus" AS ENUM ('RECEIVED', 'PROCESSED', 'FAILED', 'HELD', 'IGNORED');

-- CreateEnum
CREATE TYPE "LedgerAccountKind" AS ENUM ('EXTERNAL_DONORS', 'CASE', 'FUND', 'PROJECT', 'PAID_OUT');

-- CreateEnum
CREATE TYPE "LedgerTransactionKind" AS ENUM ('DONATION', 'FUND_CONTRIBUTION', 'GRANT', 'DISBURSEMENT', 'REFUND', 'SURPLUS_TRANSFER');

-- CreateEnum
CREATE TYPE "ContributionSource" AS ENUM ('PUBLIC_FINANCE', 'WELFARE_LOTTERY', 'ENTERPRISE', 'CHARITY', 'DONATIONS', 'DIBAO_SURPLUS');

-- CreateEnum
CREATE TYPE "GrantStatus" AS ENUM ('REQUESTED', 'APPROVED', 'REJECTED', 'POSTED');

-- CreateEnum
CREATE TYPE "PayeeKind" AS ENUM ('HOSPITAL', 'BENEFICIARY', 'SUPPLIER', 'OTHER');

-- CreateEnum
CREATE TYPE "ComplaintStatus" AS ENUM ('RECEIVED', 'HANDLING', 'RESOLVED', 'DISMISSED');

-- CreateEnum
CREATE TYPE "OutboxTopic" AS ENUM ('SEARCH', 'MAIL');

-- CreateTable
CREATE TABLE "Region" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "level" "RegionLevel" NOT NULL,
    "parentCode" TEXT,
    "fullName" TEXT NOT NULL,

    CONSTRAINT "Region_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "Office" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "regionCode" TEXT NOT NULL,
    "phone" TEXT,
    "address" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Office_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CalendarDay" (
    "id" TEXT NOT NULL,
    "regionCode" TEXT NOT NULL,
    "date" DATE NOT NULL,
    "isWorkingDay" BOOLEAN NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "CalendarDay_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LocalStandard" (
    "id" TEXT NOT NULL,
    "regionCode" TEXT NOT NULL,
    "kind" "StandardKind" NOT NULL,
    "monthlyFen" INTEGER NOT NULL,
    "effectiveFrom" DATE NOT NULL,

    CONSTRAINT "LocalStandard_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "phone" TEXT,
    "roles" "Role"[],
    "scopeRegionCode" TEXT,
    "officeId" TEXT,
    "locale" TEXT,
    "isActive" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "revokedAt" TIMESTAMPTZ(3),
    "userAgent" TEXT,

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Organization" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "OrganizationKind" NOT NULL,
    "creditCode" TEXT NOT NULL,
    "status" "OrganizationStatus" NOT NULL DEFAULT 'PENDING',
    "statusReason" TEXT,
    "regionCode" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "contactName" TEXT NOT NULL,
    "contactPhone" TEXT NOT NULL,
    "website" TEXT,
    "vettedAt" TIMESTAMPTZ(3),
    "vettedById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Organization_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OrganizationMember" (
    "organizationId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "role" "MemberRole" NOT NULL DEFAULT 'MEMBER',

    CONSTRAINT "OrganizationMember_pkey" PRIMARY KEY ("organizationId","userId")
);

-- CreateTable
CREATE TABLE "Case" (
    "id" TEXT NOT NULL,
    "caseNo" TEXT NOT NULL,
    "status" "CaseStatus" NOT NULL DEFAULT 'REPORTED',
    "version" INTEGER NOT NULL DEFAULT 0,
    "source" "CaseSource" NOT NULL,
    "category" "CaseCategory" NOT NULL,
    "urgency" "Urgency" NOT NULL,
    "regionCode" TEXT NOT NULL,
    "ownerOfficeId" TEXT NOT NULL,
    "intakeNote" TEXT NOT NULL,
    "receivedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "responseDueOn" DATE NOT NULL,
    "acceptedAt" TIMESTAMPTZ(3),
    "verifiedAt" TIMESTAMPTZ(3),
    "verificationDueOn" DATE,
    "publishedAt" TIMESTAMPTZ(3),
    "fulfilledAt" TIMESTAMPTZ(3),
    "closedAt" TIMESTAMPTZ(3),
    "statusReason" TEXT,
    "outcome" TEXT,
    "povertyIndex" INTEGER,
    "needIndex" INTEGER,
    "indexParts" JSONB,
    "alias" TEXT,
    "ageBand" "AgeBand",
    "publicTitle" TEXT,
    "publicStory" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Case_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Beneficiary" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "idNumberEncrypted" TEXT,
    "idNumberHash" TEXT,
    "phone" TEXT,
    "address" TEXT,
    "birthYear" INTEGER,
    "gender" TEXT,
    "healthNotes" TEXT,
    "householdSize" INTEGER NOT NULL DEFAULT 1,
    "monthlyIncomeFen" INTEGER,
    "monthlyEssentialFen" INTEGER,
    "housing" "HousingCondition",
    "vulnerableMembers" TEXT[],
    "consentBy" TEXT,
    "consentAt" TIMESTAMPTZ(3),
    "consentMethod" "ConsentMethod",
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Beneficiary_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Need" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "kind" "NeedKind" NOT NULL,
    "title" TEXT NOT NULL,
    "category" TEXT,
    "unit" TEXT,
    "target" INTEGER NOT NULL,
    "committed" INTEGER NOT NULL DEFAULT 0,
    "delivered" INTEGER NOT NULL DEFAULT 0,
    "status" "NeedStatus" NOT NULL DEFAULT 'OPEN',
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Need_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CaseUpdate" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "kind" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "isPublic" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "CaseUpdate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CaseTransfer" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "fromOfficeId" TEXT NOT NULL,
    "toOfficeId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "byUserId" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CaseTransfer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Referral" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "department" "Department" NOT NULL,
    "request" TEXT NOT NULL,
    "status" "ReferralStatus" NOT NULL DEFAULT 'SENT',
    "version" INTEGER NOT NULL DEFAULT 0,
    "dueOn" DATE NOT NULL,
    "result" TEXT,
    "createdById" TEXT NOT NULL,
    "sentAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "answeredAt" TIMESTAMPTZ(3),
    "doneAt" TIMESTAMPTZ(3),

    CONSTRAINT "Referral_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AssistanceRecord" (
    "id" TEXT NOT NULL,
    "idNumberHash" TEXT NOT NULL,
    "programme" "Programme" NOT NULL,
    "regionCode" TEXT NOT NULL,
    "amountFen" INTEGER,
    "purpose" TEXT,
    "startedOn" DATE NOT NULL,
    "endedOn" DATE,
    "caseId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AssistanceRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReliefFund" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "regionCode" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "scopeCategories" "CaseCategory"[],
    "perCaseCapFen" INTEGER NOT NULL,
    "reviewThresholdFen" INTEGER NOT NULL,
    "advanceCapFen" INTEGER NOT NULL,
    "status" "FundStatus" NOT NULL DEFAULT 'ACTIVE',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReliefFund_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Project" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "categories" "CaseCategory"[],
    "regionCodes" TEXT[],
    "minAge" INTEGER,
    "maxAge" INTEGER,
    "conditionTags" TEXT[],
    "perCaseCapFen" INTEGER NOT NULL,
    "budgetFen" INTEGER NOT NULL,
    "reservedFen" INTEGER NOT NULL DEFAULT 0,
    "status" "ResourceStatus" NOT NULL DEFAULT 'ACTIVE',
    "startsOn" DATE,
    "endsOn" DATE,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Project_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VolunteerOffer" (
    "id" TEXT NOT NULL,
    "userId" TEXT,
    "organizationId" TEXT,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "skills" TEXT[],
    "regionCodes" TEXT[],
    "availability" TEXT NOT NULL,
    "hoursOffered" INTEGER NOT NULL,
    "hoursReserved" INTEGER NOT NULL DEFAULT 0,
    "hoursDelivered" INTEGER NOT NULL DEFAULT 0,
    "status" "ResourceStatus" NOT NULL DEFAULT 'ACTIVE',
    "availableUntil" DATE,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "VolunteerOffer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SupplyOffer" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT,
    "userId" TEXT,
    "itemName" TEXT NOT NULL,
    "itemCategory" TEXT NOT NULL,
    "unit" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "quantityReserved" INTEGER NOT NULL DEFAULT 0,
    "regionCodes" TEXT[],
    "description" TEXT NOT NULL,
    "expiresOn" DATE,
    "status" "ResourceStatus" NOT NULL DEFAULT 'ACTIVE',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "SupplyOffer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Commitment" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "needId" TEXT NOT NULL,
    "source" "CommitmentSource" NOT NULL,
    "fundId" TEXT,
    "projectId" TEXT,
    "volunteerOfferId" TEXT,
    "supplyOfferId" TEXT,
    "organizationId" TEXT,
    "pledgerId" TEXT,
    "pledgerName" TEXT,
    "isAnonymous" BOOLEAN NOT NULL DEFAULT false,
    "amount" INTEGER NOT NULL,
    "status" "CommitmentStatus" NOT NULL DEFAULT 'PLEDGED',
    "version" INTEGER NOT NULL DEFAULT 0,
    "note" TEXT,
    "pledgedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3),
    "confirmedAt" TIMESTAMPTZ(3),
    "confirmedById" TEXT,
    "deliveredAt" TIMESTAMPTZ(3),
    "deliveredById" TEXT,
    "cancelledAt" TIMESTAMPTZ(3),
    "cancelReason" TEXT,

    CONSTRAINT "Commitment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Donation" (
    "id" TEXT NOT NULL,
    "receiptNo" TEXT NOT NULL,
    "caseId" TEXT,
    "needId" TEXT,
    "fundId" TEXT,
    "redirectedToFund" BOOLEAN NOT NULL DEFAULT false,
    "amountFen" INTEGER NOT NULL,
    "currency" TEXT NOT NULL DEFAULT 'cny',
    "method" "DonationMethod" NOT NULL,
    "status" "DonationStatus" NOT NULL DEFAULT 'PENDING',
    "donorName" TEXT,
    "isAnonymous" BOOLEAN NOT NULL DEFAULT false,
    "donorEmail" TEXT,
    "userId" TEXT,
    "stripeCheckoutSessionId" TEXT,
    "stripePaymentIntentId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "paidAt" TIMESTAMPTZ(3),
    "expiresAt" TIMESTAMPTZ(3),

    CONSTRAINT "Donation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StripeEvent" (
    "id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "status" "StripeEventStatus" NOT NULL DEFAULT 'RECEIVED',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "payload" JSONB NOT NULL,
    "error" TEXT,
    "receivedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "processedAt" TIMESTAMPTZ(3),

    CONSTRAINT "StripeEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LedgerAccount" (
    "id" TEXT NOT NULL,
    "kind" "LedgerAccountKind" NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "caseId" TEXT,
    "fundId" TEXT,
    "projectId" TEXT,
    "balanceFen" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LedgerAccount_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LedgerTransaction" (
    "id" TEXT NOT NULL,
    "kind" "LedgerTransactionKind" NOT NULL,
    "contributionSource" "ContributionSource",
    "idempotencyKey" TEXT,
    "memo" TEXT NOT NULL,
    "counterparty" TEXT,
    "donationId" TEXT,
    "reversesId" TEXT,
    "createdById" TEXT,
    "occurredAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LedgerTransaction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LedgerEntry" (
    "id" TEXT NOT NULL,
    "transactionId" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "amountFen" INTEGER NOT NULL,

    CONSTRAINT "LedgerEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FundGrant" (
    "id" TEXT NOT NULL,
    "fundId" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "amountFen" INTEGER NOT NULL,
    "purpose" TEXT NOT NULL,
    "isAdvance" BOOLEAN NOT NULL DEFAULT false,
    "status" "GrantStatus" NOT NULL DEFAULT 'REQUESTED',
    "requestedById" TEXT NOT NULL,
    "reviewedById" TEXT,
    "reviewNote" TEXT,
    "requestedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reviewedAt" TIMESTAMPTZ(3),
    "transactionId" TEXT,

    CONSTRAINT "FundGrant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Disbursement" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "amountFen" INTEGER NOT NULL,
    "payeeKind" "PayeeKind" NOT NULL,
    "payeeName" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "transactionId" TEXT NOT NULL,

    CONSTRAINT "Disbursement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Disclosure" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "publishedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "outcome" TEXT NOT NULL,
    "totalInFen" INTEGER NOT NULL,
    "totalOutFen" INTEGER NOT NULL,
    "content" JSONB NOT NULL,

    CONSTRAINT "Disclosure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" TEXT,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "caseId" TEXT,
    "fromState" TEXT,
    "toState" TEXT,
    "detail" JSONB,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Complaint" (
    "id" TEXT NOT NULL,
    "complaintNo" TEXT NOT NULL,
    "caseId" TEXT,
    "organizationId" TEXT,
    "subject" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "contactName" TEXT,
    "contactPhone" TEXT,
    "status" "ComplaintStatus" NOT NULL DEFAULT 'RECEIVED',
    "reply" TEXT,
    "handledById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Complaint_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutboxEvent" (
    "id" BIGSERIAL NOT NULL,
    "topic" "OutboxTopic" NOT NULL,
    "kind" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "availableAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "processedAt" TIMESTAMPTZ(3),

    CONSTRAINT "OutboxEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Counter" (
    "name" TEXT NOT NULL,
    "value" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Counter_pkey" PRIMARY KEY ("name")
);

-- CreateTable
CREATE TABLE "RateLimitBucket" (
    "key" TEXT NOT NULL,
    "windowStart" TIMESTAMPTZ(3) NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "RateLimitBucket_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "Region_parentCode_idx" ON "Region"("parentCode");

-- CreateIndex
CREATE INDEX "Region_code_prefix_idx" ON "Region"("code" text_pattern_ops);

-- CreateIndex
CREATE INDEX "Office_regionCode_idx" ON "Office"("regionCode");

-- CreateIndex
CREATE UNIQUE INDEX "CalendarDay_regionCode_date_key" ON "CalendarDay"("regionCode", "date");

-- CreateIndex
CREATE UNIQUE INDEX "LocalStandard_regionCode_kind_effectiveFrom_key" ON "LocalStandard"("regionCode", "kind", "effectiveFrom");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "User_scopeRegionCode_idx" ON "User"("scopeRegionCode");

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "Organization_creditCode_key" ON "Organization"("creditCode");

-- CreateIndex
CREATE INDEX "Organization_status_idx" ON "Organization"("status");

-- CreateIndex
CREATE INDEX "OrganizationMember_userId_idx" ON "OrganizationMember"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "Case_caseNo_key" ON "Case"("caseNo");

-- CreateIndex
CREATE INDEX "Case_status_regionCode_idx" ON "Case"("status", "regionCode");

-- CreateIndex
CREATE INDEX "Case_ownerOfficeId_status_idx" ON "Case"("ownerOfficeId", "status");

-- CreateIndex
CREATE INDEX "Case_region_prefix_status_idx" ON "Case"("regionCode" text_pattern_ops, "status");

-- CreateIndex
CREATE INDEX "Case_status_needIndex_idx" ON "Case"("status", "needIndex" DESC);

-- CreateIndex
CREATE INDEX "Case_status_publishedAt_idx" ON "Case"("status", "publishedAt" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "Beneficiary_caseId_key" ON "Beneficiary"("caseId");

-- CreateIndex
CREATE INDEX "Beneficiary_idNumberHash_idx" ON "Beneficiary"("idNumberHash");

-- CreateIndex
CREATE INDEX "Need_caseId_idx" ON "Need"("caseId");

-- CreateIndex
CREATE INDEX "Need_status_kind_idx" ON "Need"("status", "kind");

-- CreateIndex
CREATE INDEX "CaseUpdate_caseId_at_idx" ON "CaseUpdate"("caseId", "at");

-- CreateIndex
CREATE INDEX "CaseTransfer_caseId_idx" ON "CaseTransfer"("caseId");

-- CreateIndex
CREATE INDEX "Referral_caseId_idx" ON "Referral"("caseId");

-- CreateIndex
CREATE INDEX "Referral_status_dueOn_idx" ON "Referral"("status", "dueOn");

-- CreateIndex
CREATE INDEX "AssistanceRecord_idNumberHash_startedOn_idx" ON "AssistanceRecord"("idNumberHash", "startedOn");

-- CreateIndex
CREATE INDEX "ReliefFund_regionCode_idx" ON "ReliefFund"("regionCode");

-- CreateIndex
CREATE INDEX "Project_status_idx" ON "Project"("status");

-- CreateIndex
CREATE INDEX "Project_organizationId_idx" ON "Project"("organizationId");

-- CreateIndex
CREATE INDEX "VolunteerOffer_status_idx" ON "VolunteerOffer"("status");

-- CreateIndex
CREATE INDEX "SupplyOffer_status_idx" ON "SupplyOffer"("status");

-- CreateIndex
CREATE INDEX "Commitment_needId_status_idx" ON "Commitment"("needId", "status");

-- CreateIndex
CREATE INDEX "Commitment_caseId_idx" ON "Commitment"("caseId");

-- CreateIndex
CREATE INDEX "Commitment_projectId_idx" ON "Commitment"("projectId");

-- CreateIndex
CREATE INDEX "Commitment_volunteerOfferId_idx" ON "Commitment"("volunteerOfferId");

-- CreateIndex
CREATE INDEX "Commitment_supplyOfferId_idx" ON "Commitment"("supplyOfferId");

-- CreateIndex
CREATE INDEX "Commitment_organizationId_idx" ON "Commitment"("organizationId");

-- CreateIndex
CREATE INDEX "Commitment_pledgerId_idx" ON "Commitment"("pledgerId");

-- CreateIndex
CREATE UNIQUE INDEX "Donation_receiptNo_key" ON "Donation"("receiptNo");

-- CreateIndex
CREATE UNIQUE INDEX "Donation_stripeCheckoutSessionId_key" ON "Donation"("stripeCheckoutSessionId");

-- CreateIndex
CREATE UNIQUE INDEX "Donation_stripePaymentIntentId_key" ON "Donation"("stripePaymentIntentId");

-- CreateIndex
CREATE INDEX "Donation_caseId_status_idx" ON "Donation"("caseId", "status");

-- CreateIndex
CREATE INDEX "Donation_userId_idx" ON "Donation"("userId");

-- CreateIndex
CREATE INDEX "Donation_status_createdAt_idx" ON "Donation"("status", "createdAt");

-- CreateIndex
CREATE INDEX "StripeEvent_status_receivedAt_idx" ON "StripeEvent"("status", "receivedAt");

-- CreateIndex
CREATE UNIQUE INDEX "LedgerAccount_code_key" ON "LedgerAccount"("code");

-- CreateIndex
CREATE UNIQUE INDEX "LedgerAccount_caseId_key" ON "LedgerAccount"("caseId");

-- CreateIndex
CREATE UNIQUE INDEX "LedgerAccount_fundId_key" ON "LedgerAccount"("fundId");

-- CreateIndex
CREATE UNIQUE INDEX "LedgerAccount_projectId_key" ON "LedgerAccount"("projectId");

-- CreateIndex
CREATE UNIQUE INDEX "LedgerTransaction_idempotencyKey_key" ON "LedgerTransaction"("idempotencyKey");

-- CreateIndex
CREATE UNIQUE INDEX "LedgerTransaction_reversesId_key" ON "LedgerTransaction"("reversesId");

-- CreateIndex
CREATE INDEX "LedgerTransaction_kind_occurredAt_idx" ON "LedgerTransaction"("kind", "occurredAt");

-- CreateIndex
CREATE INDEX "LedgerTransaction_donationId_idx" ON "LedgerTransaction"("donationId");

-- CreateIndex
CREATE INDEX "LedgerEntry_accountId_idx" ON "LedgerEntry"("accountId");

-- CreateIndex
CREATE INDEX "LedgerEntry_transactionId_idx" ON "LedgerEntry"("transactionId");

-- CreateIndex
CREATE UNIQUE INDEX "FundGrant_transactionId_key" ON "FundGrant"("transactionId");

-- CreateIndex
CREATE INDEX "FundGrant_status_idx" ON "FundGrant"("status");

-- CreateIndex
CREATE INDEX "FundGrant_caseId_idx" ON "FundGrant"("caseId");

-- CreateIndex
CREATE UNIQUE INDEX "Disbursement_transactionId_key" ON "Disbursement"("transactionId");

-- CreateIndex
CREATE INDEX "Disbursement_caseId_idx" ON "Disbursement"("caseId");

-- CreateIndex
CREATE UNIQUE INDEX "Disclosure_caseId_key" ON "Disclosure"("caseId");

-- CreateIndex
CREATE INDEX "Disclosure_publishedAt_idx" ON "Disclosure"("publishedAt" DESC);

-- CreateIndex
CREATE INDEX "AuditEvent_caseId_at_idx" ON "AuditEvent"("caseId", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_entityType_entityId_idx" ON "AuditEvent"("entityType", "entityId");

-- CreateIndex
CREATE INDEX "AuditEvent_actorId_at_idx" ON "AuditEvent"("actorId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "Complaint_complaintNo_key" ON "Complaint"("complaintNo");

-- CreateIndex
CREATE INDEX "Complaint_status_createdAt_idx" ON "Complaint"("status", "createdAt");

-- CreateIndex
CREATE INDEX "OutboxEvent_topic_processedAt_availableAt_idx" ON "OutboxEvent"("topic", "processedAt", "availableAt");

-- AddForeignKey
ALTER TABLE "Region" ADD CONSTRAINT "Region_parentCode_fkey" FOREIGN KEY ("parentCode") REFERENCES "Region"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Office" ADD CONSTRAINT "Office_regionCode_fkey" FOREIGN KEY ("regionCode") REFERENCES "Region"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CalendarDay" ADD CONSTRAINT "CalendarDay_regionCode_fkey" FOREIGN KEY ("regionCode") REFERENCES "Region"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LocalStandard" ADD CONSTRAINT "LocalStandard_regionCode_fkey" FOREIGN KEY ("regionCode") REFERENCES "Region"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_officeId_fkey" FOREIGN KEY ("officeId") REFERENCES "Office"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Organization" ADD CONSTRAINT "Organization_regionCode_fkey" FOREIGN KEY ("regionCode") REFERENCES "Region"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrganizationMember" ADD CONSTRAINT "OrganizationMember_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrganizationMember" ADD CONSTRAINT "OrganizationMember_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Case" ADD CONSTRAINT "Case_regionCode_fkey" FOREIGN KEY ("regionCode") REFERENCES "Region"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Case" ADD CONSTRAINT "Case_ownerOfficeId_fkey" FOREIGN KEY ("ownerOfficeId") REFERENCES "Office"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Beneficiary" ADD CONSTRAINT "Beneficiary_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Need" ADD CONSTRAINT "Need_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseUpdate" ADD CONSTRAINT "CaseUpdate_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseTransfer" ADD CONSTRAINT "CaseTransfer_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseTransfer" ADD CONSTRAINT "CaseTransfer_fromOfficeId_fkey" FOREIGN KEY ("fromOfficeId") REFERENCES "Office"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseTransfer" ADD CONSTRAINT "CaseTransfer_toOfficeId_fkey" FOREIGN KEY ("toOfficeId") REFERENCES "Office"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Referral" ADD CONSTRAINT "Referral_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssistanceRecord" ADD CONSTRAINT "AssistanceRecord_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReliefFund" ADD CONSTRAINT "ReliefFund_regionCode_fkey" FOREIGN KEY ("regionCode") REFERENCES "Region"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Project" ADD CONSTRAINT "Project_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VolunteerOffer" ADD CONSTRAINT "VolunteerOffer_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VolunteerOffer" ADD CONSTRAINT "VolunteerOffer_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupplyOffer" ADD CONSTRAINT "SupplyOffer_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupplyOffer" ADD CONSTRAINT "SupplyOffer_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Commitment" ADD CONSTRAINT "Commitment_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Commitment" ADD CONSTRAINT "Commitment_needId_fkey" FOREIGN KEY ("needId") REFERENCES "Need"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Commitment" ADD CONSTRAINT "Commitment_fundId_fkey" FOREIGN KEY ("fundId") REFERENCES "ReliefFund"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Commitment" ADD CONSTRAINT "Commitment_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Commitment" ADD CONSTRAINT "Commitment_volunteerOfferId_fkey" FOREIGN KEY ("volunteerOfferId") REFERENCES "VolunteerOffer"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Commitment" ADD CONSTRAINT "Commitment_supplyOfferId_fkey" FOREIGN KEY ("supplyOfferId") REFERENCES "SupplyOffer"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Commitment" ADD CONSTRAINT "Commitment_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Commitment" ADD CONSTRAINT "Commitment_pledgerId_fkey" FOREIGN KEY ("pledgerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Donation" ADD CONSTRAINT "Donation_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Donation" ADD CONSTRAINT "Donation_needId_fkey" FOREIGN KEY ("needId") REFERENCES "Need"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Donation" ADD CONSTRAINT "Donation_fundId_fkey" FOREIGN KEY ("fundId") REFERENCES "ReliefFund"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Donation" ADD CONSTRAINT "Donation_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LedgerAccount" ADD CONSTRAINT "LedgerAccount_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LedgerAccount" ADD CONSTRAINT "LedgerAccount_fundId_fkey" FOREIGN KEY ("fundId") REFERENCES "ReliefFund"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LedgerAccount" ADD CONSTRAINT "LedgerAccount_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LedgerTransaction" ADD CONSTRAINT "LedgerTransaction_donationId_fkey" FOREIGN KEY ("donationId") REFERENCES "Donation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LedgerTransaction" ADD CONSTRAINT "LedgerTransaction_reversesId_fkey" FOREIGN KEY ("reversesId") REFERENCES "LedgerTransaction"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LedgerEntry" ADD CONSTRAINT "LedgerEntry_transactionId_fkey" FOREIGN KEY ("transactionId") REFERENCES "LedgerTransaction"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LedgerEntry" ADD CONSTRAINT "LedgerEntry_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "LedgerAccount"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FundGrant" ADD CONSTRAINT "FundGrant_fundId_fkey" FOREIGN KEY ("fundId") REFERENCES "ReliefFund"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FundGrant" ADD CONSTRAINT "FundGrant_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FundGrant" ADD CONSTRAINT "FundGrant_transactionId_fkey" FOREIGN KEY ("transactionId") REFERENCES "LedgerTransaction"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Disbursement" ADD CONSTRAINT "Disbursement_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Disbursement" ADD CONSTRAINT "Disbursement_transactionId_fkey" FOREIGN KEY ("transactionId") REFERENCES "LedgerTransaction"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Disclosure" ADD CONSTRAINT "Disclosure_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Complaint" ADD CONSTRAINT "Complaint_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Complaint" ADD CONSTRAINT "Complaint_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

