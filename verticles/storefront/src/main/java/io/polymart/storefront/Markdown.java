package io.polymart.storefront;

import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * A product's detail document (markdown a seller wrote) as HTML that cannot carry markup of its own: raw HTML in the
 * text is escaped, not passed through, and links and images keep only safe URLs ({@code javascript:} and the like are
 * dropped). Headings start at level 3, under the page's own.
 */
final class Markdown {
  private static final Parser PARSER = Parser.builder().build();
  private static final HtmlRenderer RENDERER = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true)
      .attributeProviderFactory(context -> (node, tagName, attributes) -> {
        if ("a".equals(tagName)) {
          attributes.put("rel", "nofollow noopener");
        }
      }).build();

  private Markdown() {
  }

  static String toHtml(String markdown) {
    if (markdown == null || markdown.isBlank()) {
      return null;
    }
    Node document = PARSER.parse(markdown);
    // a "# Title" in the document would compete with the page's h1 and h2: every heading goes two levels down
    document.accept(new org.commonmark.node.AbstractVisitor() {
      @Override
      public void visit(org.commonmark.node.Heading heading) {
        heading.setLevel(Math.min(6, heading.getLevel() + 2));
        visitChildren(heading);
      }
    });
    return RENDERER.render(document);
  }
}
