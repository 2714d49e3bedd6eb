package io.polymart.gateway;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Text the services can store: well-formed UTF-8 (no overlong forms, no encoded surrogates), no unpaired surrogate
 * and no NUL character, which PostgreSQL refuses in text. Lenient decoders would turn such input into something
 * else ({@code \xc0\xaf} into {@code /}, a lone surrogate into {@code ?}) or into a database error.
 */
final class StrictText {
  static final String NUL = "must not contain the NUL character";
  static final String NOT_UTF8 = "must be valid UTF-8 text";
  static final String NOT_PERCENT_ENCODED = "must be correctly percent-encoded";

  private StrictText() {
  }

  /** The bytes as UTF-8 text, refusing any malformed sequence instead of replacing it. */
  static String decodeUtf8(byte[] bytes) throws CharacterCodingException {
    return StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(bytes))
        .toString();
  }

  /** Why {@code text} cannot be stored (a NUL or an unpaired surrogate), or null when it can. */
  static String flaw(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\0') {
        return NUL;
      }
      if (Character.isSurrogate(c)) {
        if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
          i++;
        } else {
          return NOT_UTF8;
        }
      }
    }
    return null;
  }

  /**
   * Why a raw URI component (a path, or a query name or value) cannot be taken, or null when it can: once its
   * {@code %XX} escapes are decoded, it must be UTF-8 text without NUL. The server hands over the request line's
   * bytes as characters up to {@code \u00ff}; they count as bytes too.
   */
  static String uriFlaw(String raw) {
    if (isPlainAscii(raw)) {
      return null;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '%') {
        int high = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
        int low = high < 0 ? -1 : Character.digit(raw.charAt(i + 2), 16);
        if (low < 0) {
          return NOT_PERCENT_ENCODED;
        }
        bytes.write(high << 4 | low);
        i += 2;
      } else if (c > 0xff) {
        return NOT_UTF8;
      } else {
        bytes.write(c);
      }
    }
    try {
      return flaw(decodeUtf8(bytes.toByteArray()));
    } catch (CharacterCodingException e) {
      return NOT_UTF8;
    }
  }

  /** The common case, checked without copying: printable ASCII and no escapes. */
  private static boolean isPlainAscii(String raw) {
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '%' || c < 0x20 || c > 0x7e) {
        return false;
      }
    }
    return true;
  }
}
