-- CreateIndex
CREATE INDEX "GateReview_useCaseId_toStage_status_decision_decidedAt_idx" ON "GateReview"("useCaseId", "toStage", "status", "decision", "decidedAt");

