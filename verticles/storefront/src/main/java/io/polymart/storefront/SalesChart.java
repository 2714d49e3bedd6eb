package io.polymart.storefront;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.function.Function;

/**
 * The console's charts, drawn on the server as SVG bars (no script, nothing fetched): one bar a day, its value in a
 * tooltip, the largest value and zero on the axis, the first, middle and last dates below. Only numbers and dates go
 * in, and every text is escaped, so the markup is safe to put in a page as it is.
 */
final class SalesChart {
  private static final int WIDTH = 720;
  private static final int HEIGHT = 200;
  private static final int LEFT = 72;
  private static final int RIGHT = 8;
  private static final int TOP = 12;
  private static final int BOTTOM = 24;

  private SalesChart() {
  }

  /** Revenue per day ({@code days} as {@code GET /api/v1/admin/orders/sales} answers them). */
  static String revenue(JsonArray days, Prices prices) {
    return bars("Revenue per day", days, day -> new BigDecimal(day.getString("revenue")),
        value -> prices.format(value.setScale(2, RoundingMode.HALF_UP).toPlainString()));
  }

  /** Paid orders per day. */
  static String orders(JsonArray days) {
    return bars("Orders per day", days, day -> BigDecimal.valueOf(day.getLong("orders")), BigDecimal::toPlainString);
  }

  private static String bars(String title, JsonArray days, Function<JsonObject, BigDecimal> value,
      Function<BigDecimal, String> label) {
    List<JsonObject> series = days.stream().map(JsonObject.class::cast).toList();
    BigDecimal max = series.stream().map(value).max(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
    double plotWidth = WIDTH - LEFT - RIGHT;
    double plotHeight = HEIGHT - TOP - BOTTOM;
    double slot = series.isEmpty() ? plotWidth : plotWidth / series.size();
    StringBuilder svg = new StringBuilder()
        .append("<svg class=\"chart\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
        .append("\" role=\"img\" aria-label=\"").append(escape(title)).append("\"><title>").append(escape(title))
        .append("</title>")
        .append(line(LEFT, TOP, LEFT, HEIGHT - BOTTOM)).append(line(LEFT, HEIGHT - BOTTOM, WIDTH - RIGHT, HEIGHT - BOTTOM))
        .append(text(LEFT - 6, TOP + 4, "end", label.apply(max)))
        .append(text(LEFT - 6, HEIGHT - BOTTOM, "end", label.apply(BigDecimal.ZERO)));
    for (int i = 0; i < series.size(); i++) {
      JsonObject day = series.get(i);
      BigDecimal amount = value.apply(day);
      double height = max.signum() == 0 ? 0 : amount.doubleValue() / max.doubleValue() * plotHeight;
      double x = LEFT + i * slot + slot * 0.15;
      svg.append("<rect class=\"bar\" x=\"").append(round(x)).append("\" y=\"")
          .append(round(HEIGHT - BOTTOM - height)).append("\" width=\"").append(round(slot * 0.7))
          .append("\" height=\"").append(round(height)).append("\"><title>")
          .append(escape(day.getString("date") + ": " + label.apply(amount))).append("</title></rect>");
      if (i == 0 || i == series.size() - 1 || i == series.size() / 2) {
        svg.append(text(LEFT + i * slot + slot / 2, HEIGHT - 6, "middle", day.getString("date").substring(5)));
      }
    }
    return svg.append("</svg>").toString();
  }

  private static String line(double x1, double y1, double x2, double y2) {
    return "<line class=\"axis\" x1=\"" + round(x1) + "\" y1=\"" + round(y1) + "\" x2=\"" + round(x2) + "\" y2=\""
        + round(y2) + "\"/>";
  }

  private static String text(double x, double y, String anchor, String content) {
    return "<text x=\"" + round(x) + "\" y=\"" + round(y) + "\" text-anchor=\"" + anchor + "\">" + escape(content)
        + "</text>";
  }

  private static String round(double value) {
    return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).toPlainString();
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
