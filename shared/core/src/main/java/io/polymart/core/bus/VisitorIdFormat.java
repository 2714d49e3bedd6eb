package io.polymart.core.bus;

/**
 * The form of a guest's opaque visitor id ({@link BusHeaders#VISITOR_ID}): 8 to 64 characters of
 * {@code A-Z a-z 0-9 _ -}, as the contract declares it. The gateway checks what clients send; a verticle that puts the
 * id in a key checks it again, since any bus sender could have set it.
 */
public final class VisitorIdFormat {
  public static final String FORM = "must be 8 to 64 characters of A-Z, a-z, 0-9, _ and -";

  private VisitorIdFormat() {
  }

  /** {@code [A-Za-z0-9_-]{8,64}}, checked without a regular expression: it runs on every product page. */
  public static boolean wellFormed(String value) {
    if (value.length() < 8 || value.length() > 64) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'
          || c == '-';
      if (!allowed) {
        return false;
      }
    }
    return true;
  }
}
