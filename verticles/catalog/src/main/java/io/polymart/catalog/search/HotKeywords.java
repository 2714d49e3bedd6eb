package io.polymart.catalog.search;

import java.util.regex.Pattern;

/**
 * Which searches may show on the public list of hot keywords. The list is shown to everyone, so it only takes what
 * reads like a shopper's keyword: a search that found products (the service checks that), of at most
 * {@link #MAX_LENGTH} characters, made of letters, digits, spaces and the punctuation of product names. A probe such
 * as {@code ' OR 1=1 --} or {@code <script>} never shows, even when its words happen to match a product.
 */
final class HotKeywords {
  static final int MAX_LENGTH = 30;
  private static final Pattern SHOPPER_TEXT = Pattern.compile("[\\p{L}\\p{M}\\p{N}][\\p{L}\\p{M}\\p{N} .&+'-]*");
  private static final Pattern SPACES = Pattern.compile("\\s+");

  private HotKeywords() {
  }

  /** The keyword a search's text counts as (trimmed, spaces collapsed), or null when it may not show. */
  static String keyword(String text) {
    if (text == null) {
      return null;
    }
    String keyword = SPACES.matcher(text.strip()).replaceAll(" ");
    return keyword.codePointCount(0, keyword.length()) <= MAX_LENGTH && SHOPPER_TEXT.matcher(keyword).matches()
        ? keyword : null;
  }
}
