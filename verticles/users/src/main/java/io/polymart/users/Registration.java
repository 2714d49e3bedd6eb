package io.polymart.users;

/** The fields of a registration as sent (checked by {@link AuthService#register}); absent ones are null. */
record Registration(String email, String password, String username, String phone) {
}
