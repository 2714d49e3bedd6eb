package io.polymart.reviews;

import java.util.List;

/** What demo reviewers write, by star rating, in English and Chinese: a few variants of each, title and body. */
final class DemoPhrases {
  private record Phrase(String title, String body) {
  }

  private static final List<List<Phrase>> ENGLISH = List.of(
      List.of(new Phrase("Disappointed", "Stopped working after a week. The packaging was fine, the product was not."),
          new Phrase("Not as described", "Looks nothing like the photos and feels cheap. I returned it."),
          new Phrase("Would not buy again", "Poor finish and it arrived with a scratch. Support never answered.")),
      List.of(new Phrase("Below expectations", "It does the job, barely. The build quality is weaker than the price "
              + "suggests."),
          new Phrase("Meh", "Smaller than I expected and the instructions were confusing."),
          new Phrase("Some problems", "Works, but one part was loose out of the box. Fixed it myself.")),
      List.of(new Phrase("Okay for the price", "Nothing special, nothing wrong. Does what it says."),
          new Phrase("Average", "Decent quality, a bit slow to arrive. Fine for everyday use."),
          new Phrase("Mixed feelings", "Good design, but the material could be better. Three stars feels right.")),
      List.of(new Phrase("Good value", "Solid build and it arrived quickly. Minor quirks, but I am happy with it."),
          new Phrase("Pretty good", "Works well after two weeks of daily use. Would recommend to a friend."),
          new Phrase("Happy with it", "Exactly as described. Took off one star for the plain packaging.")),
      List.of(new Phrase("Excellent!", "Great quality, fast delivery, and it looks even better than the photos."),
          new Phrase("Love it", "Using it every day. Worth every cent, I already ordered a second one."),
          new Phrase("Five stars", "Well made, works perfectly, and the seller answered my question the same day.")));

  private static final List<List<Phrase>> CHINESE = List.of(
      List.of(new Phrase("很失望", "用了一周就坏了，不推荐购买。"),
          new Phrase("与描述不符", "实物和图片差别很大，做工粗糙，已经退货。"),
          new Phrase("不会再买", "收到时有划痕，联系客服也没有回复。")),
      List.of(new Phrase("低于预期", "勉强能用，做工和价格不太相称。"),
          new Phrase("一般般", "比想象的小，说明书也看不太懂。"),
          new Phrase("有点小问题", "能用，但有个零件松了，自己修好了。")),
      List.of(new Phrase("价格还算合理", "中规中矩，没有惊喜也没有问题。"),
          new Phrase("还行", "质量不错，就是物流慢了一点，日常使用足够。"),
          new Phrase("褒贬不一", "设计很好，材质可以再好一些。")),
      List.of(new Phrase("性价比高", "做工扎实，发货很快，小瑕疵不影响使用，满意。"),
          new Phrase("挺好的", "每天使用两周了，效果很好，推荐给朋友。"),
          new Phrase("满意", "和描述一致，包装简单了点。")),
      List.of(new Phrase("非常好！", "质量很好，物流很快，实物比图片还漂亮。"),
          new Phrase("很喜欢", "每天都在用，物超所值，已经回购了。"),
          new Phrase("五星好评", "做工精细，使用完美，卖家回复也很及时。")));

  private DemoPhrases() {
  }

  /** How many variants each rating has. */
  static int variants() {
    return ENGLISH.get(0).size();
  }

  static String title(int rating, int variant, boolean chinese) {
    return phrase(rating, variant, chinese).title();
  }

  static String body(int rating, int variant, boolean chinese) {
    return phrase(rating, variant, chinese).body();
  }

  private static Phrase phrase(int rating, int variant, boolean chinese) {
    return (chinese ? CHINESE : ENGLISH).get(rating - 1).get(variant);
  }
}
