package io.polymart.users;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A search of the audit trail: each criterion optional ({@code null}), newest entries first, one page. */
record AuditQuery(UUID actor, String action, String target, OffsetDateTime from, OffsetDateTime to, int page,
    int size) {
}
