-- CreateIndex
CREATE INDEX "GateVote_voterId_idx" ON "GateVote"("voterId");

-- CreateIndex
CREATE INDEX "GateVote_onBehalfOfId_idx" ON "GateVote"("onBehalfOfId");

