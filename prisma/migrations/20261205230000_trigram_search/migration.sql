-- The use-case text search (title, summary, owner's name) uses trigram indexes instead of
-- scanning. pg_trgm is a trusted extension (PostgreSQL 13+): the database owner that runs the
-- migrations may create it without being a superuser.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateIndex
CREATE INDEX "UseCase_title_trgm_idx" ON "UseCase" USING GIN ("title" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "UseCase_summary_trgm_idx" ON "UseCase" USING GIN ("summary" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "User_name_trgm_idx" ON "User" USING GIN ("name" gin_trgm_ops);
