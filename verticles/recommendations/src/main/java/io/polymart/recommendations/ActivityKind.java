package io.polymart.recommendations;

/** What a shopper did with a product; the member prefix in their activity set. */
enum ActivityKind {
  VIEW("v"), CART("c"), PURCHASE("b");

  final String code;

  ActivityKind(String code) {
    this.code = code;
  }

  String member(String productId) {
    return code + ":" + productId;
  }

  static ActivityKind ofMember(String member) {
    for (ActivityKind kind : values()) {
      if (member.startsWith(kind.code + ":")) {
        return kind;
      }
    }
    return null;
  }

  static String productOf(String member) {
    return member.substring(member.indexOf(':') + 1);
  }
}
