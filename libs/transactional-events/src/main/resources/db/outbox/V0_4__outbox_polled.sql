-- The relay polls the outbox instead of waiting for a NOTIFY: a notification in every writing
-- transaction serialised their commits on PostgreSQL's notification queue lock.
DROP TRIGGER outbox_event_notify ON outbox_event;
DROP FUNCTION outbox_event_notify();
