-- AlterTable
ALTER TABLE "Commitment" ADD COLUMN     "pledgerContact" TEXT;
