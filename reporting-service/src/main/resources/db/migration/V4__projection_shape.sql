-- The shape (table layout) of the active projection. A release whose projection has another
-- shape builds a new one from the topics at start-up instead of migrating the old one.
ALTER TABLE projection_registry ADD COLUMN shape INTEGER NOT NULL DEFAULT 1;
