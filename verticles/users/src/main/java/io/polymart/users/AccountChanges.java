package io.polymart.users;

import java.util.List;

/**
 * An admin's change to an account, as the contract checked it: a new status and/or new roles (no duplicates); null
 * leaves that part as it is.
 */
record AccountChanges(String status, List<String> roles) {
}
