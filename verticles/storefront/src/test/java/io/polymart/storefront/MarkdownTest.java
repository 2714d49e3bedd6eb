package io.polymart.storefront;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownTest {

  @Test
  void aDetailDocumentBecomesHtmlWithItsHeadingsUnderThePagesOwn() {
    String html = Markdown.toHtml("# Mug\n\nKeeps tea **hot**.\n\n## Highlights\n\n- Leak-proof lid\n- Gift box\n");
    assertThat(html).contains("<h3>Mug</h3>", "<strong>hot</strong>", "<h4>Highlights</h4>",
        "<li>Leak-proof lid</li>");
  }

  @Test
  void whatTheSellerWroteCannotBecomeMarkupOrAScriptLink() {
    String html = Markdown.toHtml("<script>alert(1)</script>\n\nHi <img src=x onerror=alert(2)> there\n\n"
        + "[click](javascript:alert(3)) and [ok](https://example.com/a)\n\n![p](javascript:alert(4))");
    assertThat(html).doesNotContain("<script", "<img src=\"x\"", "<img src=x", "javascript:")
        .contains("&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;img src=x onerror=alert(2)&gt;",
            "<a rel=\"nofollow noopener\" href=\"https://example.com/a\">ok</a>");
  }

  @Test
  void nothingToRenderIsNothing() {
    assertThat(Markdown.toHtml(null)).isNull();
    assertThat(Markdown.toHtml("  ")).isNull();
  }
}
