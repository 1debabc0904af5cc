-- CreateIndex
CREATE INDEX "UseCase_stage_priorityTenths_number_idx" ON "UseCase"("stage", "priorityTenths" DESC, "number");

