package io.polymart.users;

/**
 * The fields of a registration as sent, already checked against {@code schemas/json/auth-register.json};
 * {@link AuthService#register} adds the rules the contract cannot state. An absent phone is null.
 */
record Registration(String email, String password, String username, String phone) {
}
