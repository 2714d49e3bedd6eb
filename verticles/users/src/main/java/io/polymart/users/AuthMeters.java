package io.polymart.users;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code polymart_users_registered_total} (accounts created) and {@code polymart_users_login_failures_total{reason}}:
 * a wrong email or password ({@code credentials}), or a disabled account ({@code disabled}).
 */
final class AuthMeters {
  private final Counter registered;
  private final Counter badCredentials;
  private final Counter disabled;

  AuthMeters(MeterRegistry registry) {
    registered = Counter.builder("polymart.users.registered").description("Accounts registered").register(registry);
    badCredentials = loginFailures(registry, "credentials");
    disabled = loginFailures(registry, "disabled");
  }

  private static Counter loginFailures(MeterRegistry registry, String reason) {
    return Counter.builder("polymart.users.login.failures").description("Logins refused, by reason")
        .tag("reason", reason).register(registry);
  }

  void registered() {
    registered.increment();
  }

  void badCredentials() {
    badCredentials.increment();
  }

  void disabled() {
    disabled.increment();
  }
}
