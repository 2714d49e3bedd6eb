package io.polymart.catalog.search;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Words of the names of published products and of brands: the vocabulary of typo correction and suggestions
 * (a draft's words are added only when it is published, so they never leak). Only Latin-script words
 * are kept: CJK text has no spaces to cut words at and is found by substring instead.
 */
public final class SearchTerms {
  private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");
  private static final int MIN_LENGTH = 3;
  private static final int MAX_LENGTH = 40;
  private final SearchRepository search;

  public SearchTerms(SearchRepository search) {
    this.search = search;
  }

  /** Lower-case words of {@code text}, split at anything that is not a letter or digit. */
  static List<String> tokens(String text) {
    Set<String> tokens = new LinkedHashSet<>();
    for (String token : SEPARATORS.split(text.toLowerCase(Locale.ROOT))) {
      if (!token.isEmpty()) {
        tokens.add(token);
      }
    }
    return new ArrayList<>(tokens);
  }

  static boolean isCjk(String token) {
    return token.codePoints().anyMatch(cp -> {
      Character.UnicodeScript script = Character.UnicodeScript.of(cp);
      return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
          || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL;
    });
  }

  public Future<Void> add(SqlClient tx, String text) {
    List<String> words = tokens(text).stream()
        .filter(t -> t.length() >= MIN_LENGTH && t.length() <= MAX_LENGTH && !isCjk(t)).toList();
    if (words.isEmpty()) {
      return Future.succeededFuture();
    }
    return search.addTerms(tx, words);
  }
}
