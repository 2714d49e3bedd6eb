package io.polymart.users;

import java.util.List;

/** An admin's change to an account, checked: a new status and/or new roles; null leaves that part as it is. */
record AccountChanges(String status, List<String> roles) {
}
