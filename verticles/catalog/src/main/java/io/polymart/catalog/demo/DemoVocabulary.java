package io.polymart.catalog.demo;

import io.polymart.catalog.demo.DemoKind.Dim;
import io.polymart.catalog.demo.DemoKind.Term;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fixed vocabulary of the demo catalog: categories, brands and, per sub-category, a
 * {@link DemoKind} describing its products. Pure data; {@link DemoCatalogGenerator} draws from it.
 */
final class DemoVocabulary {

  /** A brand and the top-level categories it sells in. {@code zh} is null for Latin-only names. */
  record BrandDef(String slug, String name, String en, String zh, List<String> topCategories) {
    DemoBrand toBrand() {
      return new DemoBrand(slug, name);
    }
  }

  /** Categories, parents first, then the children of each parent in order. */
  static final List<DemoCategory> CATEGORIES;
  /** How often products land in each sub-category, relative to 1. */
  static final Map<String, Integer> CATEGORY_WEIGHTS;
  static final List<BrandDef> BRANDS;
  /** Product kinds by sub-category slug, in category order. */
  static final Map<String, DemoKind> KINDS;
  /** Closing sentences for descriptions. */
  static final List<Term> CLOSINGS = List.of(
      Term.parse("Ships within 24 hours.|24小时内发货。"),
      Term.parse("Free returns within 7 days.|支持7天无理由退货。"),
      Term.parse("A thoughtful gift for friends and family.|送礼自用两相宜。"),
      Term.parse("Rated 4.8 out of 5 by our customers.|好评率高达98%。"),
      Term.parse("Free shipping on orders over 99.|满99元包邮。"));

  private DemoVocabulary() {}

  // ---------------------------------------------------------------- categories

  private static final List<DemoCategory> TOPS = new ArrayList<>();
  private static final List<DemoCategory> SUBS = new ArrayList<>();
  private static final Map<String, Integer> WEIGHTS = new LinkedHashMap<>();

  private static void top(String slug, String name, String... children) {
    TOPS.add(new DemoCategory(slug, name, null, (TOPS.size() + 1) * 10));
    int order = 0;
    for (String child : children) {
      // "slug:Name:weight"
      String[] p = child.split(":");
      SUBS.add(new DemoCategory(p[0], p[1], slug, ++order * 10));
      WEIGHTS.put(p[0], p.length > 2 ? Integer.parseInt(p[2]) : 1);
    }
  }

  static {
    top("phones-electronics", "Phones & Electronics / 手机数码",
        "smartphones:Smartphones / 手机:3",
        "headphones-audio:Headphones & Audio / 耳机音响:2",
        "smartwatches:Smartwatches & Wearables / 智能穿戴",
        "cameras:Cameras / 摄影摄像",
        "phone-accessories:Phone Accessories / 手机配件:2");
    top("computers-office", "Computers & Office / 电脑办公",
        "laptops:Laptops / 笔记本电脑:3",
        "tablets:Tablets / 平板电脑",
        "keyboards-mice:Keyboards & Mice / 键盘鼠标:2",
        "monitors:Monitors / 显示器",
        "office-supplies:Office Supplies / 办公文具");
    top("home-appliances", "Home Appliances / 家用电器",
        "kitchen-appliances:Kitchen Appliances / 厨房小电:2",
        "large-appliances:Large Appliances / 大家电",
        "cleaning-appliances:Cleaning Appliances / 清洁电器",
        "personal-care-appliances:Personal Care Appliances / 个护电器");
    top("clothing", "Clothing / 服装",
        "mens-clothing:Men's Clothing / 男装:2",
        "womens-clothing:Women's Clothing / 女装:3",
        "kids-clothing:Kids' Clothing / 童装");
    top("shoes-bags", "Shoes & Bags / 鞋靴箱包",
        "sneakers:Sneakers / 运动鞋:2",
        "casual-shoes:Casual & Leather Shoes / 休闲皮鞋",
        "backpacks:Backpacks / 双肩包",
        "handbags:Handbags / 女包",
        "luggage:Luggage / 拉杆箱");
    top("beauty", "Beauty & Personal Care / 美妆个护",
        "skincare:Skincare / 护肤:2",
        "makeup:Makeup / 彩妆",
        "fragrance:Fragrance / 香水",
        "hair-care:Hair Care / 洗护发");
    top("food-drinks", "Food & Drinks / 食品饮料",
        "snacks:Snacks / 休闲零食:2",
        "tea-coffee:Tea & Coffee / 茶叶咖啡",
        "beverages:Beverages / 饮料",
        "grains-oils:Rice, Grains & Oils / 粮油调味");
    top("sports-outdoors", "Sports & Outdoors / 运动户外",
        "fitness:Fitness Equipment / 健身器材",
        "camping-hiking:Camping & Hiking / 户外露营",
        "cycling:Cycling / 骑行运动",
        "ball-sports:Ball Sports / 球类运动");
    top("books", "Books / 图书",
        "fiction:Fiction / 小说",
        "childrens-books:Children's Books / 童书",
        "computing-books:Computing & Technology / 计算机",
        "business-books:Business & Self-Help / 经管励志");
    top("toys", "Toys & Games / 玩具",
        "building-blocks:Building Blocks / 积木拼插",
        "rc-toys:Remote Control Toys / 遥控玩具",
        "board-games:Board Games & Puzzles / 桌游拼图",
        "plush-toys:Plush Toys / 毛绒玩具");
    top("home-kitchen", "Home & Kitchen / 家居厨具",
        "cookware:Cookware / 锅具",
        "bedding:Bedding / 床上用品",
        "storage-organization:Storage & Organization / 收纳整理",
        "tableware:Tableware & Drinkware / 餐具水具");
    List<DemoCategory> all = new ArrayList<>(TOPS);
    all.addAll(SUBS);
    CATEGORIES = List.copyOf(all);
    CATEGORY_WEIGHTS = Collections.unmodifiableMap(WEIGHTS);
  }

  // -------------------------------------------------------------------- brands

  private static BrandDef brand(String slug, String name, String... topCategories) {
    String en = name;
    String zh = null;
    int space = name.indexOf(' ');
    if (Character.UnicodeScript.of(name.codePointAt(0)) == Character.UnicodeScript.HAN) {
      zh = name.substring(0, space);
      en = name.substring(space + 1);
    }
    return new BrandDef(slug, name, en, zh, List.of(topCategories));
  }

  static {
    BRANDS = List.of(
        brand("northwind", "Northwind", "sports-outdoors", "shoes-bags", "clothing"),
        brand("lumina", "Lumina", "computers-office", "phones-electronics"),
        brand("huarui", "华锐 Huarui", "phones-electronics", "computers-office", "home-appliances"),
        brand("orbitek", "Orbitek", "phones-electronics", "computers-office"),
        brand("kestrel-audio", "Kestrel Audio", "phones-electronics"),
        brand("pixelmoor", "Pixelmoor", "phones-electronics", "computers-office"),
        brand("xinghe", "星河 Xinghe", "phones-electronics", "home-appliances"),
        brand("brightnest", "Brightnest", "home-appliances", "home-kitchen"),
        brand("meichu", "美厨 Meichu", "home-appliances", "home-kitchen"),
        brand("frostline", "Frostline", "home-appliances"),
        brand("linen-and-loom", "Linen & Loom", "clothing", "home-kitchen"),
        brand("urban-thread", "Urban Thread", "clothing"),
        brand("mianyu", "棉语 Mianyu", "clothing", "home-kitchen"),
        brand("stridewell", "Stridewell", "shoes-bags", "sports-outdoors"),
        brand("trailhaven", "Trailhaven", "shoes-bags", "sports-outdoors"),
        brand("voyagr", "Voyagr", "shoes-bags"),
        brand("petalune", "Petalune", "beauty"),
        brand("xueyan", "雪颜 Xueyan", "beauty"),
        brand("glowhaus", "Glowhaus", "beauty"),
        brand("meadowfield", "Meadowfield", "food-drinks"),
        brand("shanye", "山野 Shanye", "food-drinks"),
        brand("chayu", "茶语 Chayu", "food-drinks"),
        brand("brewmont", "Brewmont", "food-drinks", "home-kitchen"),
        brand("bluepeak-press", "Bluepeak Press", "books"),
        brand("qinglan", "青岚 Qinglan", "books", "computers-office"),
        brand("inkwell-house", "Inkwell House", "books", "computers-office"),
        brand("tinker-and-co", "Tinker & Co", "toys"),
        brand("lequ", "乐趣 Lequ", "toys", "books"),
        brand("playforge", "Playforge", "toys", "sports-outdoors"),
        brand("ferrox", "Ferrox", "sports-outdoors"));
  }

  // ------------------------------------------------------- shared attributes

  private static Dim color(String... values) {
    return Dim.of("color", values);
  }

  private static final Dim APPAREL_SIZE = Dim.of("size", "S", "M", "L", "XL", "XXL");
  private static final Dim WOMENS_SIZE = Dim.of("size", "XS", "S", "M", "L", "XL");
  private static final Dim KIDS_SIZE = Dim.of("size", "100cm", "110cm", "120cm", "130cm", "140cm");
  private static final Dim SHOE_SIZE =
      Dim.of("size", "36", "37", "38", "39", "40", "41", "42", "43", "44", "45");
  private static final Dim EDITION = Dim.of("edition", "Standard", "Pro:1.3", "Max:1.6");
  private static final Dim BOOK_FORMAT =
      Dim.of("format", "Paperback", "Hardcover:1.45:1.5", "Collector's Edition:2.2:1.9");
  private static final Dim BOOK_LANGUAGE = Dim.of("language", "Chinese", "English:1.2");

  // --------------------------------------------------------------------- kinds

  private static final List<String> BOOK_EN_DESCRIPTIONS = List.of(
      "{F1}, {f2} and {f3}. Published by {brand}.",
      "{F1} and {f2}. {closing}");
  private static final List<String> BOOK_ZH_DESCRIPTIONS = List.of(
      "{f1}，{f2}，{f3}。{brand}出版。",
      "{f1}，{f2}。{closing}");

  static {
    List<DemoKind> kinds = new ArrayList<>();

    // ---- Phones & Electronics
    kinds.add(DemoKind.of("smartphones").price(999, 7999).weight(0.17, 0.24)
        .attrs(color("Black", "White", "Blue", "Green", "Purple", "Gold"),
            Dim.of("storage", "128GB", "256GB:1.12", "512GB:1.3", "1TB:1.55"))
        .models(5, 15, "Zephyr {n}", "Nebula {n} Pro", "Quasar X{n}", "Aether {n}",
            "Vireo {n} Lite", "Solis {n} Ultra")
        .nouns("Smartphone|5G手机|Smartphone", "5G Smartphone|5G智能手机|Smartphone",
            "Camera Phone|影像手机|Phone", "Gaming Phone|电竞游戏手机|Phone", "Phone|全网通手机|Phone")
        .adjectives("Flagship|旗舰", "Slim|轻薄", "Rugged|三防", "Compact|小屏", "Foldable|折叠屏")
        .qualifiers("Dual SIM|双卡双待", "120Hz AMOLED|120Hz高刷屏", "50MP Triple Camera|5000万像素三摄",
            "5000mAh Battery|5000mAh大电池", "100W Fast Charging|100W超级快充")
        .en("{brand} {model} {noun}, {qual}", "{brand} {model} {adj} {noun} ({qual})",
            "{brand} {adj} {noun} {model}, {qual}")
        .zh("{brand} {model} {adj}{noun} {qual}", "{brand}{adj}{noun} {model} {qual}")
        .features("a 6.7-inch 120Hz AMOLED display|6.7英寸120Hz AMOLED屏幕",
            "a 50MP main camera with optical stabilisation|5000万像素光学防抖主摄",
            "a 5000mAh battery with 67W fast charging|5000mAh电池，支持67W快充",
            "IP68 water and dust resistance|IP68级防尘防水",
            "NFC and dual-SIM 5G|支持NFC与双卡5G",
            "an octa-core processor for smooth gaming|八核处理器，游戏流畅不卡顿")
        .specs("Screen=6.1-inch OLED|6.5-inch AMOLED|6.7-inch AMOLED|6.8-inch LTPO AMOLED",
            "Processor=Octa-core 2.8 GHz|Octa-core 3.2 GHz|Octa-core 3.4 GHz",
            "RAM=8GB|12GB|16GB",
            "Rear camera=50MP + 12MP|50MP + 50MP + 8MP|108MP + 13MP + 5MP",
            "Battery=4500 mAh|5000 mAh|5500 mAh",
            "Charging=33W wired|67W wired|100W wired + 50W wireless",
            "Network=5G, dual SIM")
        .contents("{item}", "USB-C charging cable", "SIM eject tool", "Protective case",
            "Quick start guide")
        .brands("huarui", "orbitek", "xinghe", "lumina"));

    kinds.add(DemoKind.of("headphones-audio").price(59, 1999).weight(0.05, 0.35)
        .attrs(color("Black", "White", "Blue", "Silver", "Pink", "Green"))
        .models(1, 9, "Sonix {n}", "Resona {n}", "Pulse {n}", "Aria {n} Pro", "Bassline {n}")
        .nouns("Wireless Headphones|头戴式无线耳机|Headphones",
            "Noise Cancelling Headphones|主动降噪耳机|Headphones",
            "True Wireless Earbuds|真无线蓝牙耳机|Earbuds",
            "Bluetooth Speaker|蓝牙音箱|Speaker",
            "Sports Earphones|运动蓝牙耳机|Earphones",
            "Over-Ear Studio Headphones|头戴式监听耳机|Headphones")
        .adjectives("Hi-Res|Hi-Res", "Lightweight|轻量", "Foldable|折叠|Headphones", "Premium|高端",
            "Sport|运动|Earbuds")
        .qualifiers("40h Battery|40小时续航", "Bluetooth 5.3|蓝牙5.3", "Low Latency|低延迟",
            "IPX5 Waterproof|IPX5防水", "Multipoint|双设备连接")
        .en("{brand} {model} {noun}, {qual}", "{brand} {adj} {noun} {model}",
            "{brand} {model} {adj} {noun} ({qual})")
        .zh("{brand} {model} {adj}{noun} {qual}", "{brand}{noun} {model} {qual}")
        .features("hybrid active noise cancelling|混合主动降噪|Headphones,Earbuds",
            "up to 40 hours of playback|长达40小时续航",
            "Bluetooth 5.3 multipoint connection|蓝牙5.3双设备连接",
            "custom 40mm drivers for deep bass|40mm定制动圈，低音浑厚|Headphones,Speaker",
            "a 360° sound stage|360°环绕音效|Speaker",
            "built-in microphones for clear calls|内置麦克风，通话清晰",
            "sweat and splash resistance|防汗防泼溅")
        .specs("Driver=10mm dynamic|13mm dynamic|40mm dynamic",
            "Bluetooth=5.2|5.3|5.4",
            "Battery life=24 h|30 h|40 h|60 h",
            "Codec=SBC / AAC|SBC / AAC / LDAC",
            "Noise cancelling=Hybrid ANC|Adaptive ANC|Passive@Headphones,Earbuds,Earphones",
            "Charging port=USB-C")
        .contents("{item}", "USB-C charging cable", "Carrying pouch", "User manual")
        .brands("kestrel-audio", "lumina", "huarui", "orbitek", "xinghe"));

    kinds.add(DemoKind.of("smartwatches").price(199, 2999).weight(0.04, 0.09)
        .attrs(color("Black", "Silver", "Gold", "Pink", "Green"), Dim.of("size", "41mm", "45mm:1.08"))
        .models(2, 9, "Pulse Fit {n}", "Orbit Watch {n}", "Stride {n}", "Tempo {n} Pro")
        .nouns("Smartwatch|智能手表|Smartwatch", "Fitness Tracker|运动手环|Tracker",
            "GPS Sports Watch|GPS运动手表|Sports Watch", "Kids Smartwatch|儿童电话手表|Kids Watch|0.6")
        .adjectives("AMOLED|AMOLED", "Slim|轻薄", "Outdoor|户外", "Titanium|钛金属")
        .qualifiers("Heart Rate & SpO2|心率血氧监测", "14-Day Battery|14天长续航",
            "Built-in GPS|内置GPS", "5ATM Water Resistant|5ATM防水")
        .en("{brand} {model} {noun}, {qual}", "{brand} {adj} {noun} {model} ({qual})")
        .zh("{brand} {model} {adj}{noun} {qual}")
        .features("24/7 heart rate and blood oxygen monitoring|全天候心率血氧监测",
            "more than 100 sport modes|100多种运动模式",
            "up to 14 days of battery life|长达14天续航",
            "built-in dual-band GPS|内置双频GPS",
            "5ATM water resistance for swimming|5ATM防水，游泳可戴",
            "sleep and stress tracking|睡眠与压力监测")
        .specs("Display=1.43-inch AMOLED|1.6-inch AMOLED|1.96-inch AMOLED",
            "Battery life=7 days|10 days|14 days",
            "Water resistance=5ATM|IP68",
            "Sensors=Heart rate, SpO2, accelerometer, gyroscope",
            "Connectivity=Bluetooth 5.3|Bluetooth 5.3 + eSIM",
            "Strap=Silicone|Nylon|Leather")
        .contents("{item}", "Magnetic charging cable", "Extra strap", "Quick start guide")
        .brands("huarui", "orbitek", "xinghe", "lumina"));

    kinds.add(DemoKind.of("cameras").price(1999, 9999).weight(0.35, 0.9)
        .attrs(color("Black", "Silver"),
            Dim.of("kit", "Body Only", "18-55mm Lens Kit:1.18:1.5", "24-105mm Lens Kit:1.45:2.1"))
        .models(2, 9, "Vista {n}", "Optic Z{n}", "Prism {n}", "Lensa {n} II")
        .nouns("Mirrorless Camera|微单相机|Camera", "Full-Frame Mirrorless Camera|全画幅微单相机|Camera|1.6",
            "APS-C Camera|APS-C画幅相机|Camera", "Vlogging Camera|Vlog相机|Vlog Camera|0.7")
        .adjectives("4K|4K", "Compact|小巧", "Pro|专业", "Retro|复古")
        .qualifiers("24MP|2400万像素", "4K 60fps Video|4K 60帧视频", "5-Axis Stabilization|五轴防抖",
            "Flip Screen|翻转屏")
        .en("{brand} {model} {noun}, {qual}", "{brand} {model} {adj} {noun} ({qual})")
        .zh("{brand} {model} {adj}{noun} {qual}")
        .features("a 24MP back-illuminated sensor|2400万像素背照式传感器",
            "4K 60fps video recording|4K 60帧视频录制",
            "in-body 5-axis image stabilisation|机身五轴防抖",
            "fast hybrid autofocus with eye tracking|混合对焦，支持眼部追踪",
            "a flip-out touchscreen for vlogging|翻转触摸屏，Vlog自拍更方便",
            "dual SD card slots|双SD卡槽")
        .specs("Sensor=APS-C 24MP|Full-frame 24MP|Full-frame 33MP",
            "Video=4K 30fps|4K 60fps|6K 30fps",
            "Stabilization=5-axis in-body|Digital",
            "Screen=3.0-inch tilting touchscreen|3.0-inch vari-angle touchscreen",
            "Mount=PX mount",
            "Battery=About 450 shots|About 580 shots")
        .contents("Camera body", "Rechargeable battery", "USB-C cable", "Shoulder strap", "Body cap")
        .brands("pixelmoor", "lumina"));

    kinds.add(DemoKind.of("phone-accessories").price(19, 199).weight(0.03, 0.4)
        .attrs(color("Black", "White", "Blue", "Pink", "Green"), Dim.of("pack", "1 Pack", "2 Pack:1.8:2"))
        .nouns("Power Bank 20000mAh|20000毫安充电宝|Power Bank|1.3",
            "65W GaN Charger|65W氮化镓充电器|Charger",
            "USB-C Cable 2m|2米Type-C数据线|Cable|0.4",
            "Magnetic Wireless Charger|磁吸无线充电器|Charger",
            "Shockproof Phone Case|防摔手机壳|Phone Case|0.5",
            "Car Phone Mount|车载手机支架|Phone Mount|0.7")
        .adjectives("Compact|迷你", "Magnetic|磁吸", "Portable|便携", "Premium|高端", "Travel|旅行")
        .qualifiers("Universal Fit|通用款", "Gift Box|礼盒装", "Travel Edition|旅行版", "2-Year Warranty|两年质保")
        .en("{brand} {adj} {noun}, {qual}", "{brand} {noun} ({qual})")
        .zh("{brand}{adj}{noun} {qual}", "{brand}{noun} {qual}")
        .features("a compact design that fits in any pocket|小巧机身，轻松放入口袋|Power Bank,Charger,Cable",
            "USB-C Power Delivery fast charging|支持USB-C PD快充|Power Bank,Charger,Cable",
            "over-current and over-heat protection|过流过热多重保护|Power Bank,Charger",
            "a durable braided finish|耐用编织工艺|Cable",
            "raised edges that protect the camera and screen|加高边框，保护镜头与屏幕|Phone Case",
            "military-grade drop protection|军工级防摔|Phone Case",
            "a secure mount you can use with one hand|单手取放，稳固不晃|Phone Mount",
            "a 360° adjustable arm|360°自由调节|Phone Mount",
            "compatibility with most smartphones|兼容主流手机",
            "premium, long-lasting materials|优质耐用材料")
        .specs("Material=PC + TPU@Phone Case",
            "Material=Aluminium alloy|ABS@Power Bank,Charger,Phone Mount",
            "Material=Braided nylon@Cable",
            "Output=20W|45W|65W@Power Bank,Charger,Cable",
            "Interface=USB-C|USB-C + USB-A@Power Bank,Charger,Cable",
            "Compatibility=Most smartphones",
            "Finish=Matte|Glossy",
            "Warranty=12 months|18 months")
        .contents("{item}", "User manual", "Warranty card")
        .brands("huarui", "orbitek", "xinghe", "lumina", "kestrel-audio"));

    // ---- Computers & Office
    kinds.add(DemoKind.of("laptops").price(2999, 12999).weight(1.1, 2.4)
        .attrs(color("Silver", "Gray", "Black", "Blue"), Dim.of("storage", "512GB", "1TB:1.1", "2TB:1.28"))
        .models(13, 16, "Pro {n}", "Air {n}", "Vector {n}", "Strata {n}", "Aero {n} Plus")
        .nouns("Laptop|笔记本电脑|Laptop", "Gaming Laptop|游戏本|Laptop|1.3",
            "Ultrabook Laptop|轻薄本|Laptop", "2-in-1 Laptop|二合一笔记本|Laptop",
            "Business Laptop|商务笔记本|Laptop")
        .adjectives("Thin & Light|轻薄", "OLED|OLED", "Performance|高性能", "Creator|创作者")
        .qualifiers("16GB RAM|16GB内存", "32GB RAM|32GB内存", "2.8K OLED Display|2.8K OLED屏",
            "Dedicated Graphics|独立显卡", "Backlit Keyboard|背光键盘")
        .en("{brand} {model} {noun}, {qual}", "{brand} {model} {adj} {noun} ({qual})")
        .zh("{brand} {model} {adj}{noun} {qual}", "{brand}{noun} {model} {qual}")
        .features("a 2.8K OLED display with a 120Hz refresh rate|2.8K 120Hz OLED屏幕",
            "16GB LPDDR5 memory for multitasking|16GB LPDDR5内存，多任务流畅",
            "all-day battery life of up to 15 hours|长达15小时续航",
            "a backlit keyboard with 1.5mm key travel|1.5mm键程背光键盘",
            "Wi-Fi 6E and two USB-C ports|Wi-Fi 6E与双USB-C接口",
            "an aluminium unibody under 1.4 kg|全铝机身，重量不到1.4kg")
        .specs("Display=14-inch 2.8K OLED|15.6-inch FHD IPS|16-inch 2.5K 165Hz",
            "Processor=8-core 4.4 GHz|12-core 4.8 GHz|16-core 5.2 GHz",
            "Memory=16GB LPDDR5|32GB DDR5",
            "Graphics=Integrated|Dedicated 8GB",
            "Battery=70 Wh|75 Wh|99 Wh",
            "Ports=2 × USB-C, 1 × USB-A, HDMI",
            "Wireless=Wi-Fi 6E, Bluetooth 5.3")
        .contents("{item}", "65W USB-C power adapter", "Quick start guide")
        .brands("lumina", "huarui", "orbitek"));

    kinds.add(DemoKind.of("tablets").price(999, 5999).weight(0.4, 0.7)
        .attrs(color("Gray", "Silver", "Blue", "Pink"),
            Dim.of("storage", "128GB", "256GB:1.15", "512GB:1.35"))
        .models(8, 13, "Slate {n}", "Canvas {n} Pro", "Folio {n}", "Vista Tab {n}")
        .nouns("Tablet|平板电脑|Tablet", "Kids Learning Tablet|儿童学习平板|Tablet|0.8",
            "Tablet with Keyboard|平板电脑键盘套装|Tablet|1.2", "E-Ink Reader Tablet|墨水屏阅读器|E-Reader|0.6")
        .adjectives("11-inch|11英寸", "12.4-inch|12.4英寸", "Lightweight|轻薄", "Pro|Pro")
        .qualifiers("Wi-Fi|WiFi版", "5G|5G版", "Stylus Support|支持手写笔", "Eye Care Display|护眼屏")
        .en("{brand} {model} {noun}, {qual}", "{brand} {model} {adj} {noun} ({qual})")
        .zh("{brand} {model} {adj}{noun} {qual}")
        .features("an 11-inch 2.5K display with 144Hz refresh|11英寸2.5K 144Hz屏幕|Tablet",
            "quad speakers for movies|四扬声器影音体验|Tablet",
            "an E Ink screen that reads like paper|类纸墨水屏，阅读如纸|E-Reader",
            "stylus support for notes and sketches|支持手写笔记与绘画",
            "an 8000mAh battery|8000mAh大电池",
            "an eye-care mode with low blue light|低蓝光护眼模式")
        .specs("Display=10.9-inch 2K|11-inch 2.5K|12.4-inch 2.8K",
            "Memory=6GB|8GB|12GB",
            "Battery=7700 mAh|8000 mAh|10000 mAh",
            "Speakers=Quad speakers",
            "Connectivity=Wi-Fi 6|Wi-Fi 6 + 5G",
            "Cameras=13MP rear, 8MP front")
        .contents("{item}", "USB-C charging cable", "Power adapter", "Quick start guide")
        .brands("lumina", "huarui", "orbitek"));

    kinds.add(DemoKind.of("keyboards-mice").price(49, 699).weight(0.08, 1.1)
        .attrs(color("Black", "White", "Gray", "Pink", "Blue"),
            Dim.of("connection", "Wired", "Wireless:1.2", "Tri-mode:1.35"))
        .models(2, 12, "K{n}", "M{n} Pro", "Strike {n}", "Glide {n}")
        .nouns("Mechanical Keyboard|机械键盘|Keyboard", "Wireless Keyboard|无线键盘|Keyboard",
            "Gaming Mouse|游戏鼠标|Mouse|0.6", "Ergonomic Mouse|人体工学鼠标|Mouse|0.6",
            "Keyboard and Mouse Combo|键鼠套装|Keyboard Set", "75% Mechanical Keyboard|75%配列机械键盘|Keyboard")
        .adjectives("RGB|RGB", "Low-Profile|矮轴|Keyboard,Keyboard Set", "Hot-Swappable|热插拔|Keyboard",
            "Silent|静音", "Compact|紧凑")
        .qualifiers("Bluetooth & 2.4GHz|蓝牙+2.4G双模", "Rechargeable|可充电", "Multi-Device|多设备切换",
            "Mac & Windows|Mac/Windows通用")
        .en("{brand} {model} {adj} {noun}, {qual}", "{brand} {adj} {noun} {model} ({qual})")
        .zh("{brand} {model} {adj}{noun} {qual}")
        .features("hot-swappable switches with a gasket mount|热插拔轴体，Gasket结构|Keyboard,Keyboard Set",
            "per-key RGB backlighting|单键RGB背光|Keyboard",
            "a 26000 DPI optical sensor|26000 DPI光学传感器|Mouse",
            "tri-mode connection over USB-C, 2.4GHz and Bluetooth|USB-C、2.4G、蓝牙三模连接",
            "a rechargeable battery lasting up to 3 months|充电一次可用3个月",
            "an ergonomic shape for long work sessions|人体工学设计，久用不累",
            "PBT double-shot keycaps|PBT双色注塑键帽|Keyboard,Keyboard Set")
        .specs("Connection=USB-C wired|2.4GHz + Bluetooth|Tri-mode",
            "Battery=500 mAh|2000 mAh|4000 mAh",
            "Compatibility=Windows, macOS, Linux",
            "Backlight=RGB|White|None",
            "Keycaps=PBT|ABS@Keyboard,Keyboard Set",
            "Sensor=26000 DPI optical|12000 DPI optical@Mouse",
            "Polling rate=1000 Hz|4000 Hz")
        .contents("{item}", "USB-C cable", "2.4GHz receiver", "User manual")
        .brands("lumina", "orbitek", "huarui", "pixelmoor"));

    kinds.add(DemoKind.of("monitors").price(599, 3999).weight(3.5, 6.5)
        .attrs(color("Black", "White", "Silver"),
            Dim.of("size", "24-inch", "27-inch:1.3:1.3", "32-inch:1.7:1.7"))
        .models(2, 9, "ViewPro {n}", "Spectra {n}", "Clarity Q{n}")
        .nouns("Monitor|显示器|Monitor", "Gaming Monitor|电竞显示器|Monitor", "4K Monitor|4K显示器|Monitor|1.3",
            "Curved Monitor|曲面显示器|Monitor", "Portable Monitor|便携显示器|Monitor|0.4")
        .adjectives("IPS|IPS", "165Hz|165Hz", "HDR|HDR", "Ultra-Slim|超薄")
        .qualifiers("Height Adjustable|升降旋转支架", "USB-C 65W|Type-C 65W反向充电", "1ms Response|1ms响应",
            "Eye Care|低蓝光护眼")
        .en("{brand} {model} {adj} {noun}, {qual}", "{brand} {adj} {noun} {model} ({qual})")
        .zh("{brand} {model} {adj}{noun} {qual}")
        .features("a factory-calibrated IPS panel covering 99% sRGB|出厂校色IPS面板，99% sRGB色域",
            "a 165Hz refresh rate with 1ms response|165Hz刷新率，1ms响应",
            "USB-C with 65W power delivery|Type-C一线连，65W反向充电",
            "a height-adjustable, rotating stand|升降旋转支架",
            "flicker-free low blue light backlight|无频闪低蓝光背光")
        .specs("Panel=IPS|VA|Fast IPS",
            "Resolution=2560 × 1440|3840 × 2160|1920 × 1080",
            "Refresh rate=60 Hz|144 Hz|165 Hz",
            "Ports=HDMI 2.1, DisplayPort 1.4, USB-C",
            "HDR=HDR400|HDR10",
            "VESA mount=100 × 100 mm")
        .contents("{item}", "Stand", "Power cable", "HDMI cable", "User manual")
        .brands("pixelmoor", "lumina", "huarui", "orbitek"));

    kinds.add(DemoKind.of("office-supplies").price(9, 99).weight(0.1, 0.8)
        .attrs(color("Black", "Blue", "Red", "Green", "Gray"), Dim.of("pack", "1 Pack", "3 Pack:2.6:3"))
        .nouns("Gel Pens|中性笔|Gel Pens|0.6", "A5 Dotted Notebook|A5点阵笔记本|Notebook",
            "Desk Organizer|桌面收纳盒|Organizer|1.5", "Sticky Notes|便利贴|Sticky Notes|0.5",
            "Heavy-Duty Stapler|省力订书机|Stapler", "Fountain Pen|钢笔|Fountain Pen|2")
        .adjectives("Premium|高档", "Minimalist|简约", "Student|学生", "Business|商务")
        .qualifiers("Office Set|办公套装", "Gift Box|礼盒装", "Value Pack|量贩装", "School Edition|学生款")
        .en("{brand} {adj} {noun}, {qual}", "{brand} {noun} ({qual})")
        .zh("{brand}{adj}{noun} {qual}", "{brand}{noun} {qual}")
        .features("smooth, quick-drying ink|书写顺滑，速干不洇|Gel Pens,Fountain Pen",
            "thick 100gsm acid-free paper|100g加厚无酸纸张|Notebook,Sticky Notes",
            "a comfortable soft-touch grip|舒适软胶握感|Gel Pens,Fountain Pen,Stapler",
            "jam-free stapling of up to 50 sheets|可订50页不卡钉|Stapler",
            "compartments for pens, notes and cables|多格分区，笔与便签各归其位|Organizer",
            "a strong, residue-free adhesive|粘性强，撕下无残胶|Sticky Notes",
            "lay-flat binding|180°平摊装订|Notebook",
            "a sturdy, minimalist design|简约耐用设计",
            "eco-friendly recycled materials|环保再生材料",
            "a clean look for any desk|简洁外观，百搭桌面")
        .specs("Material=ABS plastic|Recycled paper|Metal",
            "Size=A5|A4|Standard",
            "Pieces=1|10|12",
            "Origin=Made in China")
        .contents("{item}", "Instruction card")
        .brands("inkwell-house", "qinglan"));

    // ---- Home Appliances
    kinds.add(DemoKind.of("kitchen-appliances").price(99, 1299).weight(1.5, 6)
        .attrs(color("White", "Black", "Silver", "Pink"),
            Dim.of("capacity", "3L", "4L:1.15:1.1", "5L:1.3:1.2", "6L:1.45:1.3"))
        .models(2, 9, "ChefMate {n}", "Crispa {n}", "Hearth {n}")
        .nouns("Air Fryer|空气炸锅|Air Fryer", "Smart Rice Cooker|智能电饭煲|Rice Cooker",
            "Multi-Cooker|多功能电煮锅|Multi-Cooker", "Electric Pressure Cooker|电压力锅|Pressure Cooker",
            "Stand Mixer|厨师机|Stand Mixer|1.6", "Soy Milk Maker|豆浆机|Soy Milk Maker|0.8")
        .adjectives("Smart|智能", "Digital|数显",
            "Non-Stick|不粘|Air Fryer,Rice Cooker,Multi-Cooker,Pressure Cooker", "Family Size|家用大容量")
        .qualifiers("Touch Control|触控操作", "Wi-Fi App Control|APP智能控制", "Easy Clean|易清洗",
            "2-Year Warranty|两年质保")
        .en("{brand} {adj} {noun}, {qual}", "{brand} {model} {noun} ({qual})")
        .zh("{brand}{adj}{noun} {qual}", "{brand}{noun} {model} {qual}")
        .features("360° rapid hot-air circulation for oil-free frying|360°热风循环，无油低脂|Air Fryer",
            "a non-stick, dishwasher-safe inner pot|不粘内胆，可洗碗机清洗|Rice Cooker,Multi-Cooker,Pressure Cooker",
            "12 one-touch cooking presets|12种一键烹饪模式|Air Fryer,Rice Cooker,Multi-Cooker,Pressure Cooker,Soy Milk Maker",
            "a 24-hour delay timer|24小时预约定时|Rice Cooker,Multi-Cooker,Pressure Cooker,Soy Milk Maker",
            "auto keep-warm|自动保温|Rice Cooker,Multi-Cooker,Pressure Cooker",
            "a 1200 W motor with 6 speeds|1200W电机，6档调速|Stand Mixer",
            "a stainless steel mixing bowl|不锈钢搅拌碗|Stand Mixer",
            "fresh soy milk in 25 minutes|25分钟现磨豆浆|Soy Milk Maker",
            "removable parts that are easy to clean|可拆卸部件，清洗方便",
            "a safety lock and overheat protection|安全锁与过热保护")
        .specs("Power=800 W|1200 W|1500 W",
            "Voltage=220 V, 50 Hz",
            "Control=Touch panel|Knob|App + touch panel",
            "Inner pot=Ceramic non-stick|Stainless steel@Air Fryer,Rice Cooker,Multi-Cooker,Pressure Cooker",
            "Timer=Up to 24 h@Rice Cooker,Multi-Cooker,Pressure Cooker,Soy Milk Maker",
            "Warranty=1 year|2 years")
        .contents("{item}", "Recipe booklet", "Measuring cup", "User manual")
        .brands("brightnest", "meichu", "huarui", "xinghe"));

    kinds.add(DemoKind.of("large-appliances").price(1499, 7999).weight(35, 80)
        .attrs(color("White", "Silver", "Gray"), Dim.of("version", "Standard", "Inverter:1.15", "Smart Wi-Fi:1.25"))
        .models(3, 9, "Glacier {n}", "CleanWave {n}", "Aura {n}00")
        .nouns("French Door Refrigerator|法式多门冰箱|Refrigerator|1.4",
            "Front Load Washing Machine|滚筒洗衣机|Washer",
            "Heat Pump Dryer|热泵干衣机|Dryer",
            "Inverter Air Conditioner|变频空调|Air Conditioner",
            "Built-In Dishwasher|嵌入式洗碗机|Dishwasher",
            "Chest Freezer|卧式冰柜|Freezer|0.6")
        .adjectives("Quiet|静音", "Large Capacity|大容量", "Energy-Saving|节能", "Smart|智能")
        .qualifiers("Energy Class A|一级能效", "Smart App Control|智能APP控制", "Anti-Bacterial|除菌",
            "Free Installation|免费安装")
        .en("{brand} {model} {adj} {noun}, {qual}", "{brand} {adj} {noun} ({qual})")
        .zh("{brand} {model} {adj}{noun} {qual}", "{brand}{adj}{noun} {qual}")
        .features("an energy-saving inverter motor|变频电机，节能省电",
            "whisper-quiet operation below 40 dB|运行静音低于40分贝",
            "smart app control and remote diagnostics|APP智能控制与远程诊断",
            "an anti-bacterial coating|抗菌涂层",
            "free delivery and installation|免费送货安装",
            "a 10-year warranty on the compressor or motor|压缩机/电机十年质保")
        .specs("Energy class=A|A+|A++",
            "Capacity=450 L|520 L@Refrigerator",
            "Capacity=10 kg|12 kg@Washer,Dryer",
            "Cooling capacity=1.5 HP|2 HP|3 HP@Air Conditioner",
            "Capacity=13 place settings|15 place settings@Dishwasher",
            "Capacity=200 L|300 L@Freezer",
            "Noise level=38 dB|42 dB|46 dB",
            "Voltage=220 V, 50 Hz",
            "Dimensions=60 × 60 × 85 cm|90 × 70 × 180 cm",
            "Warranty=3 years, 10 years on the compressor or motor")
        .contents("{item}", "Installation kit", "User manual", "Warranty card")
        .brands("frostline", "huarui", "xinghe"));

    kinds.add(DemoKind.of("cleaning-appliances").price(199, 3999).weight(1.5, 4.5)
        .attrs(color("White", "Black", "Gray"), Dim.of("version", "Standard", "Plus:1.2", "Ultra:1.45:1.2"))
        .models(5, 20, "V{n}", "S{n} Pro", "CleanBot {n}")
        .nouns("Robot Vacuum Cleaner|扫地机器人|Robot Vacuum|1.4", "Cordless Stick Vacuum|无线吸尘器|Vacuum",
            "Wet and Dry Floor Washer|洗地机|Floor Washer|1.3", "Handheld Vacuum|手持吸尘器|Vacuum|0.4",
            "Steam Mop|蒸汽拖把|Steam Mop|0.4", "Air Purifier|空气净化器|Air Purifier")
        .adjectives("Cordless|无线|Vacuum,Floor Washer", "Powerful|大吸力|Robot Vacuum,Vacuum,Floor Washer",
            "Smart|智能", "Lightweight|轻量|Vacuum,Steam Mop")
        .qualifiers("Self-Emptying|自动集尘|Robot Vacuum", "60-Minute Runtime|60分钟续航|Robot Vacuum,Vacuum",
            "HEPA Filter|HEPA滤网|Robot Vacuum,Vacuum,Air Purifier", "LiDAR Navigation|激光导航|Robot Vacuum",
            "Quiet Mode|静音模式", "2-Year Warranty|两年质保")
        .en("{brand} {model} {noun}, {qual}", "{brand} {adj} {noun} {model} ({qual})")
        .zh("{brand} {model} {adj}{noun} {qual}")
        .features("5000 Pa suction power|5000Pa大吸力|Robot Vacuum,Vacuum,Floor Washer",
            "LiDAR navigation and room mapping|激光导航，智能分区|Robot Vacuum",
            "a washable HEPA filter|可水洗HEPA滤网|Robot Vacuum,Vacuum,Air Purifier",
            "up to 60 minutes of runtime|长达60分钟续航|Robot Vacuum,Vacuum,Floor Washer",
            "a self-emptying dock|自动集尘基站|Robot Vacuum",
            "a self-cleaning brush roller|滚刷自清洁|Floor Washer",
            "120 °C steam that removes 99.9% of bacteria|120°C高温蒸汽，除菌99.9%|Steam Mop",
            "a lightweight body of about 2 kg|机身轻至约2kg|Steam Mop,Vacuum",
            "a real-time air quality display|实时空气质量显示|Air Purifier",
            "a quiet night mode|静音夜间模式",
            "smart app control|APP智能控制")
        .specs("Suction=5000 Pa|8000 Pa|22000 Pa@Robot Vacuum,Vacuum,Floor Washer",
            "Runtime=45 min|60 min|180 min@Robot Vacuum,Vacuum,Floor Washer",
            "Dustbin=0.4 L|0.6 L@Robot Vacuum,Vacuum",
            "Filter=HEPA H13@Robot Vacuum,Vacuum,Air Purifier",
            "Coverage=Up to 40 m²|Up to 60 m²@Air Purifier",
            "Power=1500 W@Steam Mop",
            "Water tank=350 ml|500 ml@Steam Mop,Floor Washer",
            "Noise level=38 dB|65 dB|70 dB",
            "Charging time=4 h|5 h@Robot Vacuum,Vacuum,Floor Washer")
        .contents("{item}", "Charging dock", "Spare filter", "Cleaning brush", "User manual")
        .brands("brightnest", "huarui", "xinghe", "meichu"));

    kinds.add(DemoKind.of("personal-care-appliances").price(59, 1499).weight(0.2, 0.8)
        .attrs(color("Black", "White", "Pink", "Blue", "Gold"), Dim.of("set", "Standard", "Gift Set:1.2:1.3"))
        .nouns("High-Speed Hair Dryer|高速吹风机|Hair Dryer|1.5", "Electric Shaver|电动剃须刀|Shaver",
            "Sonic Electric Toothbrush|声波电动牙刷|Toothbrush|0.6", "Hair Straightener|直发夹板|Straightener",
            "Water Flosser|冲牙器|Water Flosser", "Hair Clipper|电动理发器|Hair Clipper|0.6")
        .adjectives("Ionic|负离子|Hair Dryer,Straightener", "Smart|智能", "Travel|便携", "Professional|专业",
            "Rechargeable|充电式|Shaver,Toothbrush,Water Flosser,Hair Clipper")
        .qualifiers("Fast Charging|快充|Shaver,Toothbrush,Water Flosser,Hair Clipper",
            "Waterproof|全身水洗|Shaver,Toothbrush,Water Flosser,Hair Clipper", "Gift Box|礼盒装",
            "Travel Case Included|附旅行收纳盒")
        .en("{brand} {adj} {noun}, {qual}", "{brand} {noun} ({qual})")
        .zh("{brand}{adj}{noun} {qual}", "{brand}{noun} {qual}")
        .features("a high-speed brushless motor|高速无刷电机|Hair Dryer,Shaver,Hair Clipper",
            "intelligent temperature control|智能温控，呵护秀发|Hair Dryer,Straightener",
            "ionic technology against frizz|负离子抗毛躁|Hair Dryer,Straightener",
            "a USB-C rechargeable battery|Type-C充电|Shaver,Toothbrush,Water Flosser,Hair Clipper",
            "IPX7 waterproofing|IPX7级防水|Shaver,Toothbrush,Water Flosser",
            "5 cleaning modes and a 2-minute timer|5种清洁模式，2分钟智能定时|Toothbrush,Water Flosser",
            "self-sharpening stainless steel blades|自磨不锈钢刀头|Shaver,Hair Clipper",
            "a travel lock and pouch|旅行锁与收纳包",
            "a sleek, easy-grip design|简约易握设计")
        .specs("Power=1600 W|1800 W@Hair Dryer",
            "Heat settings=3|5@Hair Dryer,Straightener",
            "Plate temperature=150–230 °C@Straightener",
            "Battery life=30 days@Toothbrush,Water Flosser",
            "Battery life=60 min|90 min@Shaver,Hair Clipper",
            "Charging=USB-C@Shaver,Toothbrush,Water Flosser,Hair Clipper",
            "Waterproof=IPX7@Shaver,Toothbrush,Water Flosser",
            "Voltage=100–240 V",
            "Warranty=2 years")
        .contents("{item}", "Charging cable", "Storage pouch", "User manual")
        .brands("brightnest", "huarui", "xinghe"));

    // ---- Clothing
    kinds.add(DemoKind.of("mens-clothing").price(39, 599).weight(0.15, 0.6)
        .attrs(color("Black", "White", "Gray", "Navy", "Beige", "Green"), APPAREL_SIZE)
        .nouns("Crew-Neck T-Shirt|圆领短袖T恤|T-Shirt|0.5", "Oxford Shirt|牛津纺衬衫|Shirt",
            "Chino Pants|休闲长裤|Chinos", "Hooded Sweatshirt|连帽卫衣|Hoodie",
            "Down Jacket|羽绒服|Down Jacket|2.5", "Denim Jacket|牛仔夹克|Jacket|1.5", "Polo Shirt|Polo衫|Polo")
        .adjectives("Cotton|纯棉|T-Shirt,Shirt,Polo,Hoodie,Chinos", "Slim Fit|修身", "Relaxed Fit|宽松",
            "Lightweight|轻薄", "Classic|经典", "Stretch|弹力|Chinos,Jacket,T-Shirt,Polo")
        .qualifiers("Men's|男款", "Regular Fit|男士常规版", "New Season|新款", "Everyday Basics|百搭基础款")
        .en("{brand} Men's {adj} {noun}", "{brand} {adj} {noun}, {qual}")
        .zh("{brand}{adj}{noun} {qual}", "{brand}男士{adj}{noun}")
        .features("breathable combed cotton|精梳棉面料，透气亲肤|T-Shirt,Shirt,Polo,Hoodie",
            "a pre-shrunk fabric that keeps its shape|预缩处理，洗后不易变形|T-Shirt,Shirt,Polo,Hoodie,Chinos,Jacket",
            "90% white duck down for lightweight warmth|90%白鸭绒，轻盈保暖|Down Jacket",
            "a water-repellent shell|防泼水面料|Down Jacket,Jacket",
            "reinforced stitching at the seams|加固缝线，结实耐穿",
            "a modern tailored cut|现代剪裁，版型利落",
            "an easy-care, machine-washable finish|可机洗，打理方便",
            "a soft brushed lining|柔软磨毛内里|Hoodie,Jacket,Chinos")
        .specs("Material=100% cotton|95% cotton, 5% elastane|Polyester blend|Cotton-linen blend",
            "Fit=Slim|Regular|Relaxed",
            "Season=Spring/Summer|Autumn/Winter|All seasons",
            "Care=Machine wash cold|Hand wash",
            "Origin=Made in China|Made in Vietnam")
        .contents("{item}", "Hang tag")
        .brands("urban-thread", "northwind", "mianyu", "linen-and-loom"));

    kinds.add(DemoKind.of("womens-clothing").price(49, 699).weight(0.15, 0.7)
        .attrs(color("Black", "White", "Beige", "Pink", "Blue", "Red"), WOMENS_SIZE)
        .nouns("Floral Midi Dress|碎花连衣裙|Dress", "Knit Cardigan|针织开衫|Cardigan",
            "High-Waist Jeans|高腰牛仔裤|Jeans", "Silk Blouse|真丝衬衫|Blouse|1.3",
            "Wool Coat|羊毛大衣|Wool Coat|2.5", "Pleated Skirt|百褶半身裙|Skirt|0.8",
            "Ribbed Tank Top|罗纹背心|Tank Top|0.4")
        .adjectives("Elegant|优雅", "Slim Fit|修身", "Oversized|宽松", "Vintage|复古", "Lightweight|轻薄",
            "French-Style|法式")
        .qualifiers("Women's|女款", "New Season|新款", "Office Wear|通勤款", "Weekend Edit|休闲款")
        .en("{brand} Women's {adj} {noun}", "{brand} {adj} {noun}, {qual}")
        .zh("{brand}{adj}{noun} {qual}", "{brand}女士{adj}{noun}")
        .features("a soft, drapey fabric|面料柔软垂顺",
            "a flattering high waist|高腰设计，修饰身形|Jeans,Skirt,Dress",
            "hidden side pockets|隐藏侧袋|Dress,Jeans,Skirt,Wool Coat",
            "a breathable lining|透气内衬|Dress,Skirt,Wool Coat,Blouse",
            "a timeless style that goes with everything|经典百搭，轻松搭配",
            "a tailored, flattering fit|修身剪裁，衬托身形",
            "an easy-care finish|易打理面料")
        .specs("Material=100% cotton|Mulberry silk|Wool blend|Viscose|Denim",
            "Fit=Slim|Regular|Oversized",
            "Length=Regular|Midi|Cropped",
            "Season=Spring/Summer|Autumn/Winter|All seasons",
            "Care=Machine wash cold|Hand wash|Dry clean")
        .contents("{item}", "Hang tag")
        .brands("urban-thread", "linen-and-loom", "mianyu"));

    kinds.add(DemoKind.of("kids-clothing").price(29, 299).weight(0.1, 0.5)
        .attrs(color("Pink", "Blue", "Yellow", "Green", "Gray"), KIDS_SIZE)
        .nouns("Pajama Set|睡衣套装|Pajamas", "Hoodie|连帽卫衣|Hoodie",
            "Twirl Dress|公主连衣裙|Dress", "Puffer Jacket|棉服外套|Jacket|1.8",
            "Baby Romper|婴儿连体衣|Romper|0.7", "Jogger Pants|运动裤|Joggers|0.8")
        .adjectives("Cotton|纯棉", "Cartoon|卡通", "Cozy|保暖", "Soft|柔软", "Playful|活力")
        .qualifiers("Kids'|儿童", "Boys'|男童|Pajamas,Hoodie,Jacket,Joggers",
            "Girls'|女童|Pajamas,Hoodie,Dress,Jacket,Joggers", "Unisex|男女童通用|Pajamas,Hoodie,Jacket,Joggers,Romper")
        .en("{brand} Kids' {adj} {noun}", "{brand} {adj} {noun}, {qual}")
        .zh("{brand}{qual}{adj}{noun}", "{brand}{adj}{noun} {qual}")
        .features("skin-friendly Class A cotton|A类纯棉，亲肤无刺激",
            "tag-free comfort|无标签设计，不磨皮肤",
            "reinforced knees|膝盖加固|Joggers,Pajamas",
            "an elastic waistband that grows with your child|弹力腰头，穿着舒适|Joggers,Pajamas,Romper",
            "bright colours kids love|明快色彩，孩子喜欢")
        .specs("Material=100% cotton|Cotton blend",
            "Safety class=Class A (infants)",
            "Season=All seasons|Autumn/Winter",
            "Care=Machine wash cold")
        .contents("{item}", "Hang tag")
        .brands("mianyu", "urban-thread", "northwind"));

    // ---- Shoes & Bags
    kinds.add(DemoKind.of("sneakers").price(199, 1099).weight(0.6, 1.0)
        .attrs(color("Black", "White", "Gray", "Blue", "Red"), SHOE_SIZE)
        .models(1, 9, "Swift {n}", "Glide Runner {n}", "Apex {n}", "Featherstep {n}")
        .nouns("Running Shoes|跑步鞋|Running Shoes", "Sneakers|休闲运动鞋|Sneakers",
            "Basketball Shoes|篮球鞋|Basketball Shoes", "Trail Running Shoes|越野跑鞋|Trail Shoes",
            "Walking Shoes|健步鞋|Walking Shoes", "Canvas Sneakers|帆布鞋|Canvas Shoes|0.5")
        .adjectives("Cushioned|缓震", "Breathable|透气", "Lightweight|轻便", "Non-Slip|防滑", "Retro|复古")
        .qualifiers("Men's|男款", "Women's|女款", "Unisex|男女同款")
        .en("{brand} {model} {adj} {noun}, {qual}", "{brand} {qual} {adj} {noun} {model}")
        .zh("{brand} {model} {adj}{noun} {qual}")
        .features("a responsive foam midsole|回弹泡棉中底",
            "an engineered mesh upper|工程网布鞋面，透气轻盈",
            "a grippy rubber outsole|耐磨防滑橡胶大底",
            "a padded heel collar|加厚鞋口，包裹舒适",
            "reflective details for running at night|反光设计，夜跑更安全")
        .specs("Upper=Engineered mesh|Knit|Canvas|Leather",
            "Midsole=EVA foam|Nitrogen-infused foam",
            "Outsole=Rubber",
            "Heel drop=6 mm|8 mm|10 mm",
            "Closure=Lace-up")
        .contents("{item}", "Spare laces", "Shoe box")
        .brands("stridewell", "trailhaven", "northwind"));

    kinds.add(DemoKind.of("casual-shoes").price(199, 1299).weight(0.7, 1.4)
        .attrs(color("Black", "Brown", "Tan", "White"), SHOE_SIZE)
        .nouns("Leather Loafers|真皮乐福鞋|Loafers", "Chelsea Boots|切尔西靴|Boots|1.3",
            "Oxford Dress Shoes|商务正装皮鞋|Dress Shoes", "Hiking Boots|登山靴|Hiking Boots|1.3",
            "Slip-On Shoes|一脚蹬休闲鞋|Slip-Ons|0.7", "Sandals|凉鞋|Sandals|0.5")
        .adjectives("Genuine Leather|头层牛皮|Loafers,Boots,Dress Shoes,Hiking Boots", "Classic|经典",
            "Waterproof|防水|Boots,Hiking Boots", "Handcrafted|手工", "Comfort|舒适")
        .qualifiers("Men's|男款", "Women's|女款", "Unisex|男女同款")
        .en("{brand} {qual} {adj} {noun}", "{brand} {adj} {noun}, {qual}")
        .zh("{brand}{adj}{noun} {qual}")
        .features("full-grain leather uppers|头层牛皮鞋面",
            "a cushioned memory-foam insole|记忆棉鞋垫，久走不累",
            "a durable stitched sole|耐用缝线鞋底",
            "a waterproof membrane|防水内膜|Boots,Hiking Boots",
            "a breathable leather lining|透气皮革内里")
        .specs("Upper=Full-grain leather|Suede|Nubuck",
            "Lining=Leather|Textile",
            "Sole=Rubber|Leather",
            "Heel height=2 cm|3 cm|4 cm",
            "Closure=Lace-up|Slip-on|Side zip")
        .contents("{item}", "Dust bag", "Shoe box")
        .brands("stridewell", "trailhaven", "northwind"));

    kinds.add(DemoKind.of("backpacks").price(79, 799).weight(0.5, 1.4)
        .attrs(color("Black", "Gray", "Navy", "Green", "Beige"),
            Dim.of("capacity", "20L", "25L:1.1:1.1", "30L:1.2:1.2"))
        .nouns("Laptop Backpack|电脑双肩包|Backpack", "Travel Backpack|旅行背包|Backpack",
            "Hiking Daypack|登山背包|Daypack", "School Backpack|学生书包|Backpack|0.7",
            "Anti-Theft Backpack|防盗双肩包|Backpack")
        .adjectives("Waterproof|防水", "Lightweight|轻便", "Minimalist|简约", "Expandable|扩容",
            "Business|商务")
        .qualifiers("Fits 15.6-inch Laptop|可放15.6英寸电脑", "USB Charging Port|带USB充电口",
            "Carry-On Size|登机尺寸", "Unisex|男女通用")
        .en("{brand} {adj} {noun}, {qual}", "{brand} {noun} ({qual})")
        .zh("{brand}{adj}{noun} {qual}")
        .features("a padded laptop sleeve|加厚电脑隔层",
            "water-repellent recycled fabric|防泼水再生面料",
            "breathable back panel and shoulder straps|透气背板与肩带",
            "a hidden anti-theft pocket|隐藏防盗口袋",
            "a luggage strap for travel|拉杆箱固定带")
        .specs("Material=Recycled polyester|Nylon|Canvas",
            "Laptop compartment=Up to 15.6 inches|Up to 17 inches",
            "Dimensions=45 × 30 × 15 cm|48 × 32 × 18 cm",
            "Water resistance=Water-repellent",
            "Warranty=2 years")
        .contents("{item}", "Rain cover")
        .brands("voyagr", "trailhaven", "northwind"));

    kinds.add(DemoKind.of("handbags").price(99, 1999).weight(0.3, 1.0)
        .attrs(color("Black", "Brown", "Beige", "Red", "White"),
            Dim.of("size", "Small", "Medium:1.2:1.2", "Large:1.4:1.4"))
        .nouns("Leather Tote Bag|真皮托特包|Tote", "Crossbody Bag|斜挎包|Crossbody|0.7",
            "Shoulder Bag|单肩包|Shoulder Bag", "Mini Handbag|迷你手提包|Handbag|0.8",
            "Evening Clutch|晚宴手拿包|Clutch|0.6", "Canvas Tote|帆布托特包|Canvas Tote|0.3")
        .adjectives("Genuine Leather|真皮|Tote,Crossbody,Shoulder Bag,Handbag,Clutch",
            "Vegan Leather|环保皮|Tote,Crossbody,Shoulder Bag,Handbag,Clutch", "Quilted|菱格", "Minimalist|简约",
            "Woven|编织")
        .qualifiers("Women's|女款", "New Season|新款", "Gift Box|礼盒装", "Everyday|通勤百搭")
        .en("{brand} {adj} {noun}, {qual}", "{brand} {adj} {noun}")
        .zh("{brand}{adj}{noun} {qual}")
        .features("soft pebbled leather|柔软荔枝纹皮革",
            "an adjustable, detachable strap|可拆卸调节肩带",
            "a zipped inner pocket|内置拉链暗袋",
            "gold-tone hardware|金色五金",
            "a magnetic closure|磁扣开合")
        .specs("Material=Cowhide leather|Vegan leather|Canvas",
            "Lining=Polyester|Cotton",
            "Closure=Zip|Magnetic snap",
            "Strap drop=55 cm|110 cm",
            "Dimensions=22 × 15 × 8 cm|34 × 28 × 12 cm")
        .contents("{item}", "Dust bag", "Care card")
        .brands("voyagr", "northwind"));

    kinds.add(DemoKind.of("luggage").price(299, 2499).weight(2.5, 4.5)
        .attrs(color("Black", "Silver", "Blue", "Pink", "Green"),
            Dim.of("size", "20-inch", "24-inch:1.2:1.2", "28-inch:1.4:1.4"))
        .models(1, 9, "Jetway {n}", "Nomad {n}", "Transit {n}")
        .nouns("Hardside Spinner Luggage|万向轮拉杆箱|Suitcase", "Carry-On Suitcase|登机箱|Carry-On|0.8",
            "Aluminium Suitcase|铝镁合金行李箱|Suitcase|1.8", "Expandable Luggage|可扩容行李箱|Luggage")
        .adjectives("Lightweight|轻便", "Silent-Wheel|静音万向轮", "TSA-Lock|海关锁", "Durable|耐摔")
        .qualifiers("Carry-On Approved|可登机", "10-Year Warranty|十年质保", "Unisex|男女通用")
        .en("{brand} {model} {adj} {noun}, {qual}", "{brand} {adj} {noun} ({qual})")
        .zh("{brand} {model} {adj}{noun} {qual}")
        .features("a scratch-resistant polycarbonate shell|耐刮PC箱体",
            "360° silent spinner wheels|360°静音万向轮",
            "a TSA-approved combination lock|TSA海关锁",
            "an expandable main compartment|可扩容主仓")
        .specs("Shell=Polycarbonate|Aluminium-magnesium alloy",
            "Wheels=4 × double spinner",
            "Lock=TSA combination lock",
            "Capacity=38 L|65 L|95 L",
            "Warranty=10 years")
        .contents("{item}", "Luggage tag", "Protective cover")
        .brands("voyagr", "trailhaven"));

    // ---- Beauty
    kinds.add(DemoKind.of("skincare").price(39, 899).weight(0.05, 0.3)
        .attrs(Dim.of("volume", "30ml", "50ml:1.5:1.5", "100ml:2.4:2.6"), Dim.of("set", "Single", "Twin Pack:1.85:2"))
        .nouns("Hydrating Serum|补水精华液|Serum", "Moisturizing Cream|保湿面霜|Face Cream",
            "Gentle Cleanser|温和洁面乳|Cleanser|0.5", "Sunscreen SPF50|防晒霜SPF50|Sunscreen|0.7",
            "Eye Cream|眼霜|Eye Cream|1.2", "Toner|爽肤水|Toner|0.6")
        .adjectives("Hyaluronic Acid|玻尿酸", "Vitamin C|维C", "Niacinamide|烟酰胺", "Ceramide|神经酰胺",
            "Green Tea|绿茶")
        .qualifiers("For Sensitive Skin|敏感肌适用", "Fragrance-Free|无香精", "Day & Night|日夜通用",
            "Dermatologist Tested|皮肤科测试")
        .en("{brand} {adj} {noun}, {qual}", "{brand} {adj} {noun}")
        .zh("{brand}{adj}{noun} {qual}")
        .features("deep 72-hour hydration|72小时长效保湿",
            "a lightweight, non-greasy texture|质地轻薄不油腻",
            "a brightening vitamin C complex|维C焕亮复合配方",
            "a ceramide barrier repair formula|神经酰胺修护屏障",
            "no alcohol, parabens or added fragrance|无酒精、无防腐剂、无香精")
        .specs("Skin type=All skin types|Dry skin|Sensitive skin|Oily skin",
            "Key ingredients=Hyaluronic acid, niacinamide|Vitamin C, vitamin E|Ceramides, squalane",
            "Texture=Gel|Cream|Lotion",
            "Shelf life=36 months",
            "Origin=Made in China|Made in Korea")
        .contents("{item}", "Instructions leaflet")
        .brands("petalune", "xueyan", "glowhaus"));

    kinds.add(DemoKind.of("makeup").price(49, 499).weight(0.02, 0.15)
        .attrs(Dim.of("shade", "01 Ivory", "02 Natural", "03 Sand", "04 Rose", "05 Coral", "06 Ruby"))
        .nouns("Matte Lipstick|哑光口红|Lipstick", "Liquid Foundation|粉底液|Foundation|1.4",
            "Cushion Compact|气垫BB霜|Cushion|1.2", "Eyeshadow Palette|眼影盘|Eyeshadow|1.3",
            "Waterproof Mascara|防水睫毛膏|Mascara|0.7", "Setting Powder|定妆散粉|Powder")
        .adjectives("Long-Wear|持久", "Velvet|丝绒|Lipstick,Powder,Eyeshadow", "Silky|丝滑",
            "Dewy|水光|Foundation,Cushion", "Natural|自然")
        .qualifiers("Long-Lasting|持久不脱妆", "Gift Box|礼盒装", "Vegan|纯素配方", "Limited Edition|限定款")
        .en("{brand} {adj} {noun}, {qual}", "{brand} {adj} {noun}")
        .zh("{brand}{adj}{noun} {qual}")
        .features("rich colour that lasts up to 12 hours|显色持妆长达12小时",
            "a lightweight, breathable finish|轻薄透气妆感",
            "a smudge-proof, waterproof formula|防水防晕染配方",
            "moisturising jojoba oil|添加荷荷巴油，滋润不干",
            "buildable medium-to-full coverage|中高遮瑕，可叠加|Foundation,Cushion,Powder")
        .specs("Finish=Matte|Satin|Dewy",
            "Coverage=Light|Medium|Full@Foundation,Cushion,Powder",
            "Skin type=All skin types",
            "Shelf life=24 months",
            "Cruelty-free=Yes")
        .contents("{item}")
        .brands("petalune", "xueyan", "glowhaus"));

    kinds.add(DemoKind.of("fragrance").price(99, 1299).weight(0.1, 0.4)
        .attrs(Dim.of("volume", "30ml", "50ml:1.4:1.4", "100ml:2.1:2.2"),
            Dim.of("edition", "Standard", "Gift Set:1.25:1.5"))
        .nouns("Eau de Parfum|香水|Perfume", "Eau de Toilette|淡香水|Perfume|0.8",
            "Body Mist|身体香氛喷雾|Body Mist|0.4", "Solid Perfume|固体香膏|Solid Perfume|0.5",
            "Perfume Gift Set|香水礼盒|Gift Set|1.3")
        .adjectives("Floral|花香调", "Woody|木质调", "Citrus|柑橘调", "Ocean|海洋调", "Amber|琥珀调",
            "White Tea|白茶")
        .qualifiers("Women's|女士", "Men's|男士", "Unisex|中性", "Long-Lasting|持久留香")
        .en("{brand} {adj} {noun}, {qual}", "{brand} {adj} {noun}")
        .zh("{brand}{adj}{noun} {qual}")
        .features("top notes of bergamot and pear|前调佛手柑与梨",
            "a heart of jasmine and white tea|中调茉莉与白茶",
            "a warm base of sandalwood and musk|后调檀香与麝香",
            "up to 8 hours of lasting scent|留香长达8小时",
            "an elegant refillable glass bottle|可补充装玻璃香水瓶")
        .specs("Concentration=Eau de Parfum|Eau de Toilette",
            "Scent family=Floral|Woody|Citrus|Oriental",
            "Longevity=6–8 hours",
            "Top notes=Bergamot, pear|Lemon, grapefruit",
            "Base notes=Sandalwood, musk|Amber, vanilla")
        .contents("{item}", "Gift box")
        .brands("petalune", "xueyan", "glowhaus"));

    kinds.add(DemoKind.of("hair-care").price(29, 299).weight(0.3, 0.8)
        .attrs(Dim.of("volume", "250ml", "500ml:1.6:1.9", "750ml:2.1:2.8"),
            Dim.of("set", "Single", "Twin Pack:1.85:2"))
        .nouns("Anti-Dandruff Shampoo|去屑洗发水|Shampoo", "Repair Conditioner|修护护发素|Conditioner",
            "Argan Hair Oil|摩洛哥坚果护发精油|Hair Oil|1.5", "Scalp Scrub|头皮磨砂膏|Scalp Scrub|1.3",
            "Hair Mask|发膜|Hair Mask")
        .adjectives("Sulfate-Free|无硫酸盐", "Volumizing|蓬松", "Smoothing|柔顺", "Nourishing|滋养",
            "Refreshing|清爽控油")
        .qualifiers("For Dry Hair|干性发质", "For Oily Scalp|油性头皮", "Salon Formula|沙龙配方",
            "Family Size|家庭装")
        .en("{brand} {adj} {noun}, {qual}", "{brand} {adj} {noun}")
        .zh("{brand}{adj}{noun} {qual}")
        .features("a gentle amino-acid formula|温和氨基酸配方",
            "argan oil for shine|摩洛哥坚果油，秀发光泽",
            "a fresh green tea scent|清新绿茶香",
            "silicone-free care|无硅油配方",
            "anti-frizz protection|抗毛躁")
        .specs("Hair type=All hair types|Dry hair|Oily scalp|Colour-treated hair",
            "Key ingredients=Amino acids, argan oil|Tea tree, menthol",
            "Silicone-free=Yes",
            "Shelf life=36 months")
        .contents("{item}")
        .brands("petalune", "xueyan", "glowhaus"));

    // ---- Food & Drinks
    kinds.add(DemoKind.of("snacks").price(9, 89).weight(0.25, 0.35)
        .attrs(Dim.of("flavor", "Original", "Spicy", "Sea Salt", "Honey", "Barbecue"),
            Dim.of("weight", "250g", "500g:1.8:2", "1kg:3.3:4"))
        .nouns("Mixed Nuts|每日坚果|Mixed Nuts|1.5", "Beef Jerky|牛肉干|Beef Jerky|1.6",
            "Potato Chips|薯片|Chips|0.5", "Dried Mango|芒果干|Dried Mango",
            "Roasted Seaweed|海苔|Seaweed|0.7", "Pork Floss Cookies|肉松饼|Cookies|0.8")
        .adjectives("Crispy|香脆|Chips,Seaweed,Cookies", "Handmade|手工", "Low-Sugar|低糖", "Premium|精选",
            "Roasted|烘焙|Mixed Nuts,Seaweed,Cookies")
        .qualifiers("Snack Gift Box|零食礼盒", "Individually Wrapped|独立小包装", "Office Snack|办公室零食",
            "Family Pack|家庭装")
        .en("{brand} {adj} {noun}, {qual}", "{brand} {adj} {noun}")
        .zh("{brand}{adj}{noun} {qual}")
        .features("no artificial colours or preservatives|无人工色素与防腐剂",
            "individually wrapped portions|独立小包装，干净卫生",
            "a crunchy texture|口感酥脆|Chips,Seaweed,Cookies,Mixed Nuts",
            "carefully selected ingredients|精选原料",
            "a resealable zip bag|自封袋设计，方便保存")
        .specs("Shelf life=6 months|9 months|12 months",
            "Storage=Cool, dry place",
            "Origin=Yunnan|Xinjiang|Inner Mongolia|Guangdong",
            "Allergens=May contain nuts",
            "Ingredients=See package")
        .contents("{item}")
        .brands("meadowfield", "shanye"));

    kinds.add(DemoKind.of("tea-coffee").price(29, 499).weight(0.1, 0.15)
        .attrs(Dim.of("weight", "100g", "250g:2.1:2.4", "500g:3.8:4.8"), Dim.of("pack", "Bag", "Gift Tin:1.6:1.5"))
        .nouns("Longjing Green Tea|龙井绿茶|Green Tea|1.4", "Oolong Tea|铁观音乌龙茶|Oolong Tea",
            "Pu'er Tea Cake|普洱茶饼|Pu'er Tea|1.2", "Arabica Coffee Beans|阿拉比卡咖啡豆|Coffee Beans",
            "Drip Coffee Bags|挂耳咖啡|Drip Coffee|0.8", "Jasmine Tea|茉莉花茶|Jasmine Tea|0.7")
        .adjectives("Organic|有机", "Hand-Picked|手工精选", "Single-Origin|单一产区", "Premium|特级")
        .qualifiers("Gift Edition|礼盒装", "Value Pack|量贩装", "Freshly Packed|新鲜直发")
        .en("{brand} {adj} {noun}, {qual}", "{brand} {adj} {noun}")
        .zh("{brand}{adj}{noun} {qual}")
        .features("hand-picked leaves from high mountain gardens|高山茶园人工采摘|Green Tea,Oolong Tea,Pu'er Tea,Jasmine Tea",
            "a delicate floral aroma|花香清雅|Green Tea,Oolong Tea,Jasmine Tea",
            "a rich taste that deepens with age|越陈越香|Pu'er Tea",
            "beans roasted within the last 7 days|7天内新鲜烘焙|Coffee Beans,Drip Coffee",
            "notes of chocolate and caramel|巧克力与焦糖风味|Coffee Beans,Drip Coffee",
            "convenient single-serve packs|独立小包装，冲泡方便|Drip Coffee",
            "a smooth, mellow taste|口感醇和顺滑",
            "a nitrogen-flushed pack for freshness|充氮包装，锁住新鲜")
        .specs("Origin=Hangzhou, Zhejiang@Green Tea",
            "Origin=Anxi, Fujian@Oolong Tea",
            "Origin=Menghai, Yunnan@Pu'er Tea",
            "Origin=Fuzhou, Fujian@Jasmine Tea",
            "Origin=Ethiopia|Colombia|Yunnan@Coffee Beans,Drip Coffee",
            "Harvest=Spring 2025|Autumn 2024@Green Tea,Oolong Tea,Pu'er Tea,Jasmine Tea",
            "Roast=Light|Medium|Dark@Coffee Beans,Drip Coffee",
            "Shelf life=12 months|18 months",
            "Storage=Sealed, cool and dry")
        .contents("{item}")
        .brands("chayu", "brewmont", "shanye"));

    kinds.add(DemoKind.of("beverages").price(19, 129).weight(2.2, 2.8)
        .attrs(Dim.of("flavor", "Original", "Lemon", "Peach", "Grapefruit", "Lychee", "Unsweetened"),
            Dim.of("pack", "6 × 330ml", "12 × 330ml:1.9:2", "24 × 330ml:3.5:4"))
        .nouns("Sparkling Water|苏打气泡水|Sparkling Water|0.8", "Oat Milk|燕麦奶|Oat Milk",
            "Not-From-Concentrate Juice|NFC果汁|Juice|1.4", "Electrolyte Drink|电解质饮料|Electrolyte",
            "Cold Brew Coffee|冷萃咖啡|Cold Brew|1.5", "Jasmine Iced Tea|茉莉冰茶|Iced Tea|0.7")
        .adjectives("Zero-Sugar|0糖|Sparkling Water,Electrolyte,Iced Tea,Cold Brew", "Refreshing|清爽", "Organic|有机",
            "Low-Calorie|低卡")
        .qualifiers("Multipack|整箱装", "Summer Edition|夏日限定", "Family Pack|家庭装")
        .en("{brand} {adj} {noun}, {qual}", "{brand} {adj} {noun}")
        .zh("{brand}{adj}{noun} {qual}")
        .features("zero sugar and zero calories|0糖0卡|Sparkling Water,Electrolyte,Iced Tea,Cold Brew",
            "real fruit juice|真实果汁添加|Juice,Sparkling Water,Iced Tea",
            "no added sugar|不额外添加糖|Juice,Oat Milk",
            "added electrolytes for hydration|添加电解质，快速补水|Electrolyte",
            "a creamy texture that froths well for coffee|口感顺滑，可打奶泡|Oat Milk",
            "coffee slow-steeped for 18 hours|18小时慢萃咖啡|Cold Brew",
            "a crisp, refreshing taste|口感清爽",
            "recyclable packaging|可回收包装")
        .specs("Sugar=0 g per 100 ml|5 g per 100 ml",
            "Energy=0 kcal per 100 ml|45 kcal per 100 ml",
            "Shelf life=9 months|12 months",
            "Storage=Keep chilled after opening")
        .contents("{item}")
        .brands("meadowfield", "brewmont", "chayu"));

    kinds.add(DemoKind.of("grains-oils").price(15, 149).weight(1.0, 1.1)
        .attrs(Dim.of("size", "1kg", "2.5kg:2.2:2.5", "5kg:4:5"), Dim.of("pack", "Single", "Twin Pack:1.9:2"))
        .nouns("Jasmine Rice|泰国香米|Rice", "Northeast Japonica Rice|东北大米|Rice",
            "Cold-Pressed Peanut Oil|压榨花生油|Peanut Oil|1.5",
            "Extra Virgin Olive Oil|特级初榨橄榄油|Olive Oil|2.2",
            "Naturally Brewed Soy Sauce|酿造酱油|Soy Sauce|0.6", "Whole Wheat Flour|全麦面粉|Flour|0.6")
        .adjectives("Organic|有机", "Premium|优选", "New Crop|新米|Rice", "Non-GMO|非转基因")
        .qualifiers("Family Pack|家庭装", "Vacuum Packed|真空包装", "Harvested 2025|2025年新粮")
        .en("{brand} {adj} {noun}, {qual}", "{brand} {adj} {noun}")
        .zh("{brand}{adj}{noun} {qual}")
        .features("grain grown in cold-climate black soil|黑土地种植|Rice,Flour",
            "first cold pressing|物理压榨|Peanut Oil,Olive Oil",
            "natural vitamin E|富含天然维生素E|Peanut Oil,Olive Oil",
            "vacuum packaging for freshness|真空包装，新鲜保存|Rice,Flour",
            "a fragrant, soft texture after cooking|蒸煮后软糯清香|Rice",
            "180 days of natural brewing|180天自然酿造|Soy Sauce",
            "fine, even milling|精细研磨|Flour",
            "no additives|零添加",
            "non-GMO ingredients|非转基因原料")
        .specs("Origin=Heilongjiang|Thailand@Rice",
            "Origin=Shandong@Peanut Oil,Flour,Soy Sauce",
            "Origin=Andalusia, Spain@Olive Oil",
            "Grade=Grade 1|Premium grade",
            "Shelf life=12 months|18 months",
            "Storage=Cool, dry place away from sunlight")
        .contents("{item}")
        .brands("shanye", "meadowfield"));

    // ---- Sports & Outdoors
    kinds.add(DemoKind.of("fitness").price(79, 299).weight(2.5, 3.5)
        .attrs(color("Black", "Gray", "Blue", "Pink", "Purple", "Green"), Dim.of("edition", "Standard", "Pro:1.3"))
        .nouns("Yoga Mat|瑜伽垫|Yoga Mat|0.3", "Adjustable Dumbbells|可调节哑铃|Dumbbells|3",
            "Resistance Bands Set|弹力带套装|Bands|0.3", "Folding Treadmill|折叠跑步机|Treadmill|12",
            "Exercise Bike|动感单车|Exercise Bike|8", "Foam Roller|泡沫轴|Foam Roller|0.4")
        .adjectives("Non-Slip|防滑|Yoga Mat,Dumbbells,Treadmill", "Home|家用", "Foldable|折叠|Treadmill,Exercise Bike",
            "Heavy-Duty|加厚")
        .qualifiers("Home Gym|家庭健身", "With Workout App|附健身APP", "Beginner Friendly|新手友好")
        .en("{brand} {adj} {noun}, {qual}", "{brand} {adj} {noun}")
        .zh("{brand}{adj}{noun} {qual}")
        .features("a non-slip, sweat-resistant surface|防滑防汗表面|Yoga Mat",
            "a space-saving foldable design|折叠设计，节省空间|Treadmill,Exercise Bike",
            "quick weight adjustment|快速调节重量|Dumbbells",
            "a sturdy steel frame|加厚钢架，稳固耐用|Treadmill,Exercise Bike,Dumbbells",
            "eco-friendly, odour-free material|环保无异味材质|Yoga Mat,Foam Roller,Bands",
            "five resistance levels|五档阻力|Bands",
            "a textured surface for deep-tissue massage|深层按摩纹理|Foam Roller",
            "a quiet magnetic resistance system|静音磁控阻力|Exercise Bike",
            "a top speed of 12 km/h with adjustable incline|最高12km/h，可调坡度|Treadmill",
            "a free companion workout app|免费配套健身APP",
            "a compact size for small spaces|小巧不占地")
        .specs("Material=TPE|Natural latex@Yoga Mat,Bands",
            "Material=Steel and ABS@Dumbbells,Treadmill,Exercise Bike",
            "Material=EVA foam@Foam Roller",
            "Thickness=6 mm|8 mm|10 mm@Yoga Mat",
            "Dimensions=183 × 61 cm@Yoga Mat",
            "Dimensions=130 × 70 × 110 cm|160 × 72 × 120 cm@Treadmill,Exercise Bike",
            "Max user weight=120 kg|150 kg@Treadmill,Exercise Bike",
            "Weight range=2.5–24 kg@Dumbbells",
            "Resistance=5–50 lb@Bands",
            "Length=33 cm|45 cm@Foam Roller",
            "Warranty=1 year|2 years")
        .contents("{item}", "User manual")
        .brands("ferrox", "playforge", "northwind"));

    kinds.add(DemoKind.of("camping-hiking").price(99, 499).weight(1.2, 2.5)
        .attrs(color("Green", "Gray", "Blue", "Orange", "Black"), Dim.of("edition", "Standard", "Ultralight:1.35:0.7"))
        .nouns("Camping Tent|露营帐篷|Tent|2", "Sleeping Bag|睡袋|Sleeping Bag", "Folding Camping Chair|折叠露营椅|Camp Chair|0.6",
            "Trekking Poles|登山杖|Trekking Poles|0.4", "LED Headlamp|LED头灯|Headlamp|0.25",
            "Insulated Water Bottle|保温水壶|Bottle|0.3")
        .adjectives("Waterproof|防水", "Ultralight|超轻", "Portable|便携", "Durable|耐用")
        .qualifiers("For Hiking & Camping|徒步露营", "Outdoor Essentials|户外必备", "Family Camping|家庭露营")
        .en("{brand} {adj} {noun}, {qual}", "{brand} {adj} {noun}")
        .zh("{brand}{adj}{noun} {qual}")
        .features("a waterproof 3000 mm rain fly|3000mm防水外帐|Tent",
            "an ultralight aluminium frame|超轻铝合金骨架|Tent,Camp Chair,Trekking Poles",
            "a compact carry bag|收纳小巧，方便携带|Tent,Sleeping Bag,Camp Chair,Trekking Poles",
            "quick, tool-free setup|免工具快速搭建|Tent,Camp Chair",
            "rip-stop nylon fabric|防撕裂尼龙面料|Tent,Sleeping Bag,Camp Chair",
            "a comfort rating down to -5 °C|舒适温标-5°C|Sleeping Bag",
            "shock-absorbing flick locks|快锁减震设计|Trekking Poles",
            "a 400-lumen beam with a red light mode|400流明，带红光模式|Headlamp",
            "USB-C charging|Type-C充电|Headlamp",
            "double-wall insulation that keeps drinks cold for 24 hours|双层真空，保冷24小时|Bottle",
            "a leak-proof lid|防漏盖|Bottle",
            "a durable build for the trail|坚固耐用，适合户外",
            "a lightweight design|轻量化设计")
        .specs("Material=Rip-stop nylon@Tent,Sleeping Bag,Camp Chair",
            "Material=Aluminium alloy|Carbon fibre@Trekking Poles",
            "Material=18/8 stainless steel@Bottle",
            "Material=ABS with silicone strap@Headlamp",
            "Waterproof rating=3000 mm@Tent",
            "Waterproof rating=IPX4|IPX6@Headlamp",
            "Packed size=40 × 15 cm|25 × 10 cm@Tent,Sleeping Bag,Camp Chair",
            "Season=3-season|4-season@Tent,Sleeping Bag",
            "Max load=120 kg|150 kg@Camp Chair",
            "Length=65–135 cm@Trekking Poles",
            "Brightness=400 lumens|600 lumens@Headlamp",
            "Capacity=500 ml|750 ml|1 L@Bottle",
            "Warranty=1 year")
        .contents("{item}", "Carry bag", "User manual")
        .brands("trailhaven", "northwind"));

    kinds.add(DemoKind.of("cycling").price(99, 499).weight(0.5, 1.4)
        .attrs(color("Black", "White", "Red", "Blue", "Green"), Dim.of("size", "S", "M", "L"))
        .models(3, 9, "Velo {n}", "Ridge {n}00", "Sprint {n}")
        .nouns("Road Bike|公路自行车|Road Bike|10", "Mountain Bike|山地自行车|Mountain Bike|8",
            "Folding Bike|折叠自行车|Folding Bike|6", "Cycling Helmet|骑行头盔|Helmet|0.6",
            "Bike Light Set|自行车灯套装|Bike Light|0.25", "Cycling Jersey|骑行服|Jersey|0.5")
        .adjectives("Carbon|碳纤维|Road Bike,Mountain Bike,Helmet", "Lightweight|轻量", "Aero|气动|Road Bike,Helmet,Jersey",
            "All-Terrain|全地形|Mountain Bike")
        .qualifiers("For Commuting|城市通勤", "Night Riding|夜骑", "Road & Trail|公路越野")
        .en("{brand} {model} {adj} {noun}, {qual}", "{brand} {adj} {noun}")
        .zh("{brand} {model} {adj}{noun} {qual}", "{brand}{adj}{noun}")
        .features("a lightweight alloy or carbon frame|轻量铝合金/碳纤维车架|Road Bike,Mountain Bike",
            "hydraulic disc brakes|液压碟刹|Road Bike,Mountain Bike",
            "22-speed gearing|22速变速|Road Bike,Mountain Bike",
            "a frame that folds to fit in a car boot|折叠后可放入后备箱|Folding Bike",
            "7-speed gearing|7速变速|Folding Bike",
            "an in-mould shell with 18 air vents|一体成型外壳，18个通风孔|Helmet",
            "an adjustable dial fit system|旋钮调节系统|Helmet",
            "rotational impact protection|防旋转冲击保护|Helmet",
            "a 1000-lumen front beam|1000流明前灯|Bike Light",
            "USB-C rechargeable batteries|Type-C充电|Bike Light",
            "a tool-free quick-release mount|免工具快拆支架|Bike Light",
            "a breathable, quick-dry fabric|透气速干面料|Jersey",
            "three rear pockets|背后三口袋|Jersey",
            "UPF 50+ sun protection|UPF50+防晒|Jersey",
            "reflective details for night riding|反光设计，夜骑更安全")
        .specs("Frame=Aluminium alloy|Carbon fibre@Road Bike,Mountain Bike,Folding Bike",
            "Gears=11-speed|22-speed@Road Bike,Mountain Bike",
            "Gears=7-speed@Folding Bike",
            "Brakes=Hydraulic disc|Mechanical disc@Road Bike,Mountain Bike,Folding Bike",
            "Wheel size=700C@Road Bike",
            "Wheel size=27.5-inch|29-inch@Mountain Bike",
            "Wheel size=20-inch@Folding Bike",
            "Shell=Polycarbonate, in-mould@Helmet",
            "Vents=18@Helmet",
            "Certification=EN 1078@Helmet",
            "Brightness=1000 lumens@Bike Light",
            "Runtime=2 h|5 h|10 h@Bike Light",
            "Fabric=Polyester and elastane|Recycled polyester@Jersey",
            "Fit=Race|Club@Jersey",
            "Warranty=2 years")
        .contents("{item}", "Tool kit", "User manual")
        .brands("ferrox", "trailhaven", "stridewell"));

    kinds.add(DemoKind.of("ball-sports").price(59, 499).weight(0.1, 0.6)
        .attrs(color("Red", "Blue", "Black", "White", "Yellow"), Dim.of("edition", "Training", "Match:1.4"))
        .nouns("Basketball|篮球|Basketball", "Football|足球|Football", "Badminton Racket|羽毛球拍|Racket",
            "Table Tennis Paddle|乒乓球拍|Paddle|0.7", "Tennis Racket|网球拍|Racket|1.5",
            "Volleyball|排球|Volleyball|0.8")
        .adjectives("Professional|专业", "Indoor/Outdoor|室内外通用", "Carbon|全碳|Racket,Paddle", "Beginner|入门")
        .qualifiers("Official Size|标准尺寸", "With Carry Bag|附收纳包", "Tournament Grade|比赛级")
        .en("{brand} {adj} {noun}, {qual}", "{brand} {adj} {noun}")
        .zh("{brand}{adj}{noun} {qual}")
        .features("a grippy microfibre cover|超纤防滑表皮|Basketball,Football,Volleyball",
            "deep channels for a better grip|深沟槽设计，握感更佳|Basketball",
            "official size and weight|标准尺寸与重量|Basketball,Football,Volleyball",
            "a full carbon frame|全碳素拍框|Racket",
            "a pre-strung, balanced frame|出厂已穿线，平衡性好|Racket",
            "a 7-ply wooden blade with fast rubber|7层底板搭配高速胶皮|Paddle",
            "a shock-absorbing handle|减震手柄|Racket,Paddle",
            "consistent bounce and flight|弹性稳定，飞行平稳",
            "tournament-grade durability|比赛级耐用")
        .specs("Material=Microfibre PU|Rubber@Basketball,Football,Volleyball",
            "Material=Carbon fibre@Racket",
            "Material=7-ply wood@Paddle",
            "Rubber=Inverted, 2.0 mm@Paddle",
            "Size=Size 7|Size 6@Basketball",
            "Size=Size 5@Football,Volleyball",
            "Grip size=G4|G5@Racket",
            "Use=Indoor and outdoor|Indoor",
            "Level=Beginner|Intermediate|Professional")
        .contents("{item}", "Carry bag")
        .brands("playforge", "ferrox", "stridewell"));

    // ---- Books
    kinds.add(DemoKind.of("fiction").price(19, 99).weight(0.25, 0.7)
        .attrs(BOOK_FORMAT, BOOK_LANGUAGE)
        .nouns("Harbor|港湾", "Garden|花园", "Lighthouse|灯塔", "Kingdom|王国", "River|河流", "Letters|来信",
            "Mountains|群山", "City|城", "Orchard|果园")
        .adjectives("Silent|寂静的", "Last|最后的", "Hidden|隐秘的", "Distant|遥远的", "Crimson|绯红的",
            "Forgotten|被遗忘的", "Winter|冬日的", "Burning|燃烧的")
        .qualifiers("A Novel|长篇小说", "Award-Winning Novel|获奖小说", "Bestseller|畅销小说",
            "A Mystery|悬疑小说")
        .en("The {adj} {noun}: {qual}", "Beyond the {adj} {noun}: {qual}")
        .zh("《{adj}{noun}》{qual}", "《穿过{adj}{noun}》{qual}")
        .label("{adj} {noun}")
        .descriptions(BOOK_EN_DESCRIPTIONS, BOOK_ZH_DESCRIPTIONS)
        .features("a gripping story spanning three generations|一段跨越三代人的动人故事",
            "vivid characters and a twist you won't see coming|人物鲜活，结局出人意料",
            "a reading group guide at the end|书末附读书会讨论指南",
            "the author's acclaimed debut|作者备受赞誉的处女作",
            "lyrical prose about home, loss and hope|以诗意笔触书写故乡、失去与希望")
        .specs("Author=Lin Qiao|Mara Ellison|Chen Yuan|Thomas Reed",
            "Pages=288|352|416|512",
            "Publication date=2023-09|2024-03|2025-01",
            "ISBN=978-7-5321-0000-0|978-1-4028-0000-0",
            "Dimensions=21 × 14 cm")
        .contents("{item}", "Bookmark")
        .brands("bluepeak-press", "qinglan", "inkwell-house"));

    kinds.add(DemoKind.of("childrens-books").price(15, 149).weight(0.2, 0.9)
        .attrs(BOOK_FORMAT, BOOK_LANGUAGE)
        .nouns("Picture Book|绘本|Picture Book", "Bedtime Stories|睡前故事|Stories",
            "Science Encyclopedia for Kids|少儿科学百科|Encyclopedia|1.5", "Sticker Activity Book|贴纸游戏书|Activity Book|0.6",
            "Early Reader Set|分级阅读套装|Reader Set|2", "Pop-Up Book|立体翻翻书|Pop-Up Book|1.3")
        .adjectives("Dinosaur|恐龙", "Ocean|海洋", "Space|太空", "Animal|动物", "Rainbow|彩虹",
            "Little Fox|小狐狸")
        .qualifiers("Ages 3-6|3-6岁", "Ages 6-12|6-12岁", "Illustrated Edition|彩绘版", "Set of 10|全10册")
        .en("{adj} {noun}, {qual}", "My First {adj} {noun} ({qual})")
        .zh("{adj}{noun}（{qual}）", "我的第一本{adj}{noun} {qual}")
        .label("{adj} {noun}")
        .descriptions(BOOK_EN_DESCRIPTIONS, BOOK_ZH_DESCRIPTIONS)
        .features("bright full-colour illustrations on every page|每页全彩插图",
            "sturdy pages for little hands|加厚页面，适合小手翻阅",
            "fun facts that spark curiosity|趣味知识，激发好奇心",
            "read-aloud rhymes for bedtime|朗朗上口的睡前儿歌",
            "parent notes with follow-up activities|附家长导读与延伸活动")
        .specs("Age range=3-6 years|6-12 years",
            "Pages=32|48|96",
            "Illustrator=Yuki Tan|Ola Berg|Zhou Min",
            "Dimensions=25 × 25 cm|21 × 28 cm")
        .contents("{item}", "Stickers")
        .brands("lequ", "bluepeak-press", "qinglan"));

    kinds.add(DemoKind.of("computing-books").price(39, 169).weight(0.5, 1.0)
        .attrs(BOOK_FORMAT, BOOK_LANGUAGE)
        .nouns("Distributed Systems|分布式系统", "Microservices|微服务", "Machine Learning|机器学习",
            "Data Engineering|数据工程", "Algorithms|算法", "Cloud Native Architecture|云原生架构",
            "Database Internals|数据库内核", "Reactive Programming|响应式编程")
        .adjectives("in Practice|实战", "Explained|原理详解", "from Scratch|从零开始", "in Depth|深度解析",
            "Patterns and Practices|模式与实践")
        .qualifiers("2nd Edition|第2版", "3rd Edition|第3版", "with Java Examples|Java实现",
            "with Python Examples|Python实现")
        .en("{noun} {adj}, {qual}")
        .zh("{noun}{adj}（{qual}）")
        .label("{noun}")
        .descriptions(BOOK_EN_DESCRIPTIONS, BOOK_ZH_DESCRIPTIONS)
        .features("hands-on examples you can run on your laptop|可在笔记本上运行的动手示例",
            "clear diagrams of every core concept|核心概念配有清晰图解",
            "lessons learned from production systems|来自生产系统的实战经验",
            "exercises at the end of each chapter|每章附练习题",
            "downloadable source code|配套源代码下载")
        .specs("Author=Alex Marsh|Wang Lei|Priya Nair|Zhang Wei",
            "Pages=384|456|528|640",
            "Publication date=2024-06|2025-02",
            "Level=Intermediate|Advanced",
            "Source code=Available online")
        .contents("{item}")
        .brands("bluepeak-press", "inkwell-house", "qinglan"));

    kinds.add(DemoKind.of("business-books").price(29, 119).weight(0.3, 0.7)
        .attrs(BOOK_FORMAT, BOOK_LANGUAGE)
        .nouns("Leadership|领导力", "Negotiation|谈判", "Personal Finance|理财", "Habits|习惯",
            "Strategy|战略", "Focus|专注", "Startups|创业", "Deep Work|深度工作")
        .adjectives("The Art of|艺术", "The Power of|力量", "The Psychology of|心理学", "The Principles of|原则")
        .qualifiers("Bestseller|畅销书", "Revised Edition|修订版", "Illustrated Edition|图解版",
            "10th Anniversary Edition|十周年纪念版")
        .en("{adj} {noun} ({qual})", "{adj} {noun}: {qual}")
        .zh("《{noun}的{adj}》{qual}", "{noun}的{adj}（{qual}）")
        .label("{noun}")
        .descriptions(BOOK_EN_DESCRIPTIONS, BOOK_ZH_DESCRIPTIONS)
        .features("practical frameworks for work and life|适用于工作与生活的实用方法",
            "real case studies from growing companies|来自成长型企业的真实案例",
            "short chapters you can read on the commute|短小章节，通勤路上轻松阅读",
            "a 30-day action plan|30天行动计划",
            "research-backed advice|基于研究的建议")
        .specs("Author=Daniel Hart|Liu Yang|Sofia Grant|Huang Jie",
            "Pages=240|288|320",
            "Publication date=2022-11|2024-08|2025-03",
            "Dimensions=21 × 14 cm")
        .contents("{item}")
        .brands("bluepeak-press", "qinglan", "inkwell-house"));

    // ---- Toys
    kinds.add(DemoKind.of("building-blocks").price(49, 999).weight(0.3, 1.5)
        .attrs(Dim.of("set", "Starter", "Standard:1.6:1.6", "Deluxe:2.5:2.4"), Dim.of("packaging", "Standard Box", "Gift Box:1.1"))
        .models(1, 9, "BrickWorks {n}", "Builder {n}00")
        .nouns("Building Blocks Set|拼装积木|Building Set", "City Fire Station|城市消防局积木|Fire Station",
            "Space Shuttle Model Kit|航天飞机拼装模型|Model Kit|1.4", "Castle Building Set|城堡积木|Castle Set|1.3",
            "Racing Car Bricks|赛车积木|Race Car", "Magnetic Tiles|磁力片|Magnetic Tiles|0.6")
        .adjectives("Creative|创意", "STEM|STEM益智", "Classic|经典", "Collector's|收藏级", "Educational|早教")
        .qualifiers("Ages 6+|6岁以上", "Ages 8+|8岁以上", "Ages 12+|12岁以上", "Gift for Kids|儿童节礼物")
        .en("{brand} {adj} {noun}, {qual}", "{brand} {model} {noun} ({qual})")
        .zh("{brand}{adj}{noun} {qual}", "{brand} {model} {noun} {qual}")
        .features("bricks compatible with major brands|兼容主流积木品牌|Building Set,Fire Station,Model Kit,Castle Set,Race Car",
            "strong magnets sealed inside every tile|强力磁铁，安全封装|Magnetic Tiles",
            "child-safe, BPA-free ABS plastic|儿童安全ABS材质，不含BPA",
            "step-by-step illustrated instructions|图文分步说明书",
            "a display stand for finished models|附成品展示底座|Model Kit,Race Car,Castle Set",
            "hours of creative building fun|激发创造力，乐趣无穷")
        .specs("Pieces=320|860|1520",
            "Material=ABS plastic",
            "Age=6+|8+|12+",
            "Dimensions when built=30 × 20 × 18 cm|45 × 25 × 30 cm",
            "Safety=EN71, CCC certified")
        .contents("{item}", "Instruction booklet", "Brick separator")
        .brands("tinker-and-co", "playforge", "lequ"));

    kinds.add(DemoKind.of("rc-toys").price(99, 899).weight(0.3, 1.5)
        .attrs(color("Red", "Blue", "Black", "Yellow", "Green"), Dim.of("battery", "1 Battery", "2 Batteries:1.15:1.1"))
        .models(1, 9, "Turbo {n}", "Hawk {n}", "Rover X{n}")
        .nouns("Remote Control Car|遥控汽车|RC Car", "RC Stunt Car|遥控特技车|Stunt Car|0.8",
            "Mini Drone|迷你无人机|Drone", "RC Boat|遥控快艇|RC Boat", "Off-Road RC Truck|遥控越野车|RC Truck|1.3",
            "Robot Dog|智能机器狗|Robot Dog|1.5")
        .adjectives("High-Speed|高速", "4WD|四驱|RC Car,RC Truck,Stunt Car", "Waterproof|防水|RC Boat,RC Truck,RC Car",
            "Programmable|可编程|Robot Dog,Drone")
        .qualifiers("2.4GHz Remote|2.4G遥控", "Ages 8+|8岁以上", "With Camera|带摄像头|Drone,Robot Dog",
            "Rechargeable|可充电")
        .en("{brand} {model} {adj} {noun}, {qual}", "{brand} {adj} {noun} ({qual})")
        .zh("{brand} {model} {adj}{noun} {qual}", "{brand}{adj}{noun} {qual}")
        .features("speeds up to 30 km/h|最高时速30公里|RC Car,Stunt Car,RC Truck,RC Boat",
            "voice commands and 30 tricks|语音控制，30种动作|Robot Dog",
            "a 2.4GHz anti-interference remote|2.4G抗干扰遥控",
            "a rechargeable battery with 25 minutes of play|可充电电池，续航25分钟",
            "a crash-resistant body|防撞车身",
            "app control with a 720p camera|APP控制，720p摄像头")
        .specs("Control=2.4 GHz remote|App + remote",
            "Range=50 m|80 m|100 m",
            "Battery=7.4 V 1200 mAh|3.7 V 500 mAh",
            "Play time=15 min|25 min",
            "Age=8+")
        .contents("{item}", "Remote control", "Rechargeable battery", "USB charging cable", "Manual")
        .brands("playforge", "tinker-and-co"));

    kinds.add(DemoKind.of("board-games").price(29, 299).weight(0.4, 1.5)
        .attrs(Dim.of("edition", "Standard", "Deluxe:1.6:1.4", "Collector's:2.4:1.8"), BOOK_LANGUAGE)
        .nouns("Strategy Board Game|策略桌游|Board Game", "Party Card Game|聚会卡牌游戏|Card Game|0.5",
            "1000-Piece Jigsaw Puzzle|1000片拼图|Puzzle|0.6", "Wooden Chess Set|木质国际象棋|Chess Set",
            "Family Trivia Game|家庭问答游戏|Trivia Game|0.7", "Cooperative Adventure Game|合作冒险桌游|Board Game|1.4")
        .adjectives("Family|家庭", "Classic|经典", "Travel|便携", "Award-Winning|获奖", "Fantasy|奇幻")
        .qualifiers("2-6 Players|2-6人", "Ages 8+|8岁以上", "Ages 14+|14岁以上", "Game Night|聚会必备")
        .en("{brand} {adj} {noun}, {qual}", "{brand} {adj} {noun}")
        .zh("{brand}{adj}{noun} {qual}")
        .features("easy-to-learn rules and 30-minute games|规则简单，30分钟一局|Board Game,Card Game,Trivia Game",
            "high-quality cards and wooden pieces|优质卡牌与木质配件|Board Game,Card Game,Trivia Game",
            "endless replay value|可重复游玩|Board Game,Card Game,Trivia Game",
            "a storage insert for every component|附收纳内衬|Board Game",
            "thick, snug-fitting pieces|加厚拼块，咬合紧密|Puzzle",
            "a poster of the finished picture|附成品参考海报|Puzzle",
            "a hand-finished wooden board and pieces|手工打磨木质棋盘与棋子|Chess Set",
            "a board that folds for storage|棋盘可折叠收纳|Chess Set",
            "fun for families and friends|适合家人朋友同乐",
            "a great screen-free activity|远离屏幕的亲子时光")
        .specs("Players=1-4|2-6|3-8@Board Game,Card Game,Trivia Game",
            "Players=2@Chess Set",
            "Play time=20 min|45 min|90 min@Board Game,Card Game,Trivia Game",
            "Age=8+|10+|14+",
            "Components=Cards, board, wooden tokens@Board Game,Card Game,Trivia Game",
            "Components=Wooden board, 32 pieces@Chess Set",
            "Pieces=1000@Puzzle",
            "Finished size=70 × 50 cm@Puzzle")
        .contents("{item}", "Rule book")
        .brands("tinker-and-co", "lequ", "playforge"));

    kinds.add(DemoKind.of("plush-toys").price(29, 199).weight(0.2, 0.4)
        .attrs(color("Brown", "White", "Pink", "Gray", "Blue"), Dim.of("size", "25cm", "40cm:1.6:1.8", "60cm:2.4:3"))
        .nouns("Teddy Bear|泰迪熊|Teddy Bear", "Bunny Plush|兔子毛绒公仔|Bunny", "Cat Plush Pillow|猫咪抱枕|Cat Plush",
            "Dinosaur Plush|恐龙公仔|Dino Plush", "Panda Plush|熊猫公仔|Panda", "Shark Plush|鲨鱼公仔|Shark")
        .adjectives("Super Soft|超柔软", "Cuddly|可爱", "Giant|大号", "Kawaii|萌系")
        .qualifiers("Birthday Gift|生日礼物", "Ages 0+|0岁以上", "Washable|可机洗")
        .en("{brand} {adj} {noun}, {qual}", "{brand} {adj} {noun}")
        .zh("{brand}{adj}{noun} {qual}")
        .features("super-soft short plush|超柔短毛绒",
            "hypoallergenic PP cotton filling|PP棉填充，亲肤不过敏",
            "safety-stitched eyes|安全缝制眼睛",
            "a machine-washable body|可机洗")
        .specs("Material=Short plush|Velboa",
            "Filling=PP cotton",
            "Age=0+|3+",
            "Safety=EN71 certified")
        .contents("{item}", "Gift tag")
        .brands("lequ", "tinker-and-co"));

    // ---- Home & Kitchen
    kinds.add(DemoKind.of("cookware").price(69, 999).weight(1.0, 2.5)
        .attrs(color("Black", "Gray", "Red", "Silver", "Green"),
            Dim.of("size", "24cm", "26cm:1.12:1.1", "28cm:1.25:1.2", "30cm:1.4:1.3"))
        .nouns("Non-Stick Frying Pan|不粘煎锅|Frying Pan", "Cast Iron Skillet|铸铁平底锅|Skillet",
            "Stainless Steel Wok|不锈钢炒锅|Wok", "Enamel Dutch Oven|珐琅铸铁锅|Dutch Oven|1.8",
            "Stock Pot|汤锅|Stock Pot", "Cookware Set|锅具套装|Cookware Set|2.5")
        .adjectives("Induction-Ready|电磁炉通用", "Professional|专业级", "Heavy-Duty|加厚", "Classic|经典")
        .qualifiers("With Lid|带锅盖|Frying Pan,Wok,Stock Pot,Dutch Oven", "PFOA-Free|无PFOA涂层|Frying Pan,Cookware Set",
            "Oven-Safe|可入烤箱", "2-Year Warranty|两年质保")
        .en("{brand} {adj} {noun}, {qual}", "{brand} {adj} {noun}")
        .zh("{brand}{adj}{noun} {qual}")
        .features("a PFOA-free non-stick coating|无PFOA不粘涂层|Frying Pan,Cookware Set",
            "a natural seasoning that gets more non-stick with use|越用越不粘的天然油膜|Skillet",
            "a heavy enamelled body that locks in moisture|厚重珐琅锅身，锁住水分|Dutch Oven",
            "a tempered glass lid|钢化玻璃锅盖|Frying Pan,Wok,Stock Pot,Cookware Set",
            "even heating on every hob, including induction|受热均匀，燃气电磁炉通用",
            "a stay-cool ergonomic handle|防烫人体工学手柄",
            "oven safety up to 230 °C|可入烤箱，耐温230°C")
        .specs("Material=Aluminium with granite coating@Frying Pan,Cookware Set",
            "Material=Cast iron@Skillet",
            "Material=Enamelled cast iron@Dutch Oven",
            "Material=18/10 stainless steel@Wok,Stock Pot",
            "Compatible hobs=Gas, electric, induction",
            "Oven-safe=Up to 230 °C",
            "Dishwasher-safe=Yes|Hand wash recommended",
            "Warranty=2 years")
        .contents("{item}", "Care guide")
        .brands("meichu", "brightnest"));

    kinds.add(DemoKind.of("bedding").price(99, 999).weight(1.0, 2.5)
        .attrs(color("White", "Gray", "Beige", "Blue", "Pink", "Green"),
            Dim.of("size", "Single", "Double:1.25:1.2", "Queen:1.45:1.35", "King:1.65:1.5"))
        .nouns("Duvet Cover Set|被套四件套|Duvet Set", "Mulberry Silk Pillowcase|桑蚕丝枕套|Pillowcase|0.5",
            "Down Comforter|羽绒被|Comforter|1.8", "Fitted Sheet Set|床笠套装|Sheet Set",
            "Memory Foam Pillow|记忆棉枕头|Pillow|0.5", "Cooling Summer Blanket|冰丝凉感被|Blanket")
        .adjectives("Egyptian Cotton|长绒棉|Duvet Set,Sheet Set", "Breathable|透气", "Hotel Quality|酒店级",
            "Soft Washed|水洗棉|Duvet Set,Sheet Set,Comforter")
        .qualifiers("600 Thread Count|600支|Duvet Set,Sheet Set", "All Seasons|四季通用|Duvet Set,Sheet Set,Comforter,Pillow",
            "Hypoallergenic|防螨抗菌", "Gift Box|礼盒装")
        .en("{brand} {adj} {noun}, {qual}", "{brand} {adj} {noun}")
        .zh("{brand}{adj}{noun} {qual}")
        .features("long-staple cotton that gets softer with every wash|长绒棉，越洗越柔软|Duvet Set,Sheet Set",
            "pure mulberry silk that is gentle on hair and skin|纯桑蚕丝，呵护秀发与肌肤|Pillowcase",
            "memory foam that follows the shape of your neck|记忆棉贴合颈椎|Pillow",
            "a cool-touch fabric for hot nights|凉感面料，夏夜清爽|Blanket",
            "a soft, cloud-like loft|蓬松柔软|Comforter,Pillow",
            "a hidden zip closure|隐形拉链|Duvet Set,Pillowcase",
            "hypoallergenic, dust-mite resistant fill|防螨抗过敏填充|Comforter,Pillow,Blanket",
            "colourfast reactive dyes|活性印染，不易褪色|Duvet Set,Sheet Set,Pillowcase",
            "breathable fabric for cool, dry sleep|透气面料，睡眠干爽",
            "a skin-friendly, safety-tested fabric|亲肤面料，安全检测")
        .specs("Material=100% long-staple cotton@Duvet Set,Sheet Set",
            "Material=22 momme mulberry silk@Pillowcase",
            "Material=Goose down, cotton cover@Comforter",
            "Material=Memory foam@Pillow",
            "Material=Cooling nylon fibre@Blanket",
            "Fill weight=1.5 kg|2 kg@Comforter",
            "Thread count=400|600|1000@Duvet Set,Sheet Set",
            "Care=Machine wash warm|Hand wash",
            "Origin=Nantong, Jiangsu")
        .contents("{item}", "Storage bag")
        .brands("linen-and-loom", "mianyu"));

    kinds.add(DemoKind.of("storage-organization").price(19, 199).weight(0.3, 1.5)
        .attrs(color("White", "Gray", "Beige", "Black", "Green"), Dim.of("pack", "1 Pack", "2 Pack:1.8:2", "4 Pack:3.2:4"))
        .nouns("Storage Box|收纳箱|Storage Box", "Vacuum Storage Bags|真空压缩袋|Vacuum Bags|0.8",
            "Drawer Organizer|抽屉收纳盒|Organizer|0.6", "Closet Hanger Set|衣架套装|Hangers|0.7",
            "Shoe Rack|鞋架|Shoe Rack|1.8", "Under-Bed Storage Bag|床底收纳袋|Storage Bag")
        .adjectives("Stackable|可叠加|Storage Box,Organizer", "Foldable|可折叠|Storage Box,Storage Bag,Shoe Rack",
            "Clear|透明|Storage Box,Organizer,Vacuum Bags,Storage Bag", "Space-Saving|节省空间")
        .qualifiers("With Lid|带盖|Storage Box,Organizer", "For Closet & Wardrobe|衣柜适用",
            "Large Capacity|大容量|Storage Box,Storage Bag,Vacuum Bags", "Value Pack|超值装")
        .en("{brand} {adj} {noun}, {qual}", "{brand} {adj} {noun}")
        .zh("{brand}{adj}{noun} {qual}")
        .features("a stackable design|可叠加设计|Storage Box,Organizer",
            "sturdy, BPA-free plastic|结实耐用，不含BPA|Storage Box,Organizer,Hangers",
            "a clear window to find things fast|透明视窗，一目了然|Storage Box,Storage Bag,Vacuum Bags",
            "folds flat when not in use|不用时可折叠收起|Storage Bag,Vacuum Bags,Shoe Rack",
            "a triple-seal zip that keeps air out|三重密封拉链，防止漏气|Vacuum Bags",
            "a non-slip velvet finish|防滑植绒表面|Hangers",
            "a slim profile that doubles closet space|超薄设计，衣柜空间翻倍|Hangers",
            "tool-free assembly|免工具安装|Shoe Rack",
            "a sturdy steel frame|加粗钢管，稳固承重|Shoe Rack",
            "a space-saving design|节省空间设计",
            "a clean, minimalist look|简约外观，百搭家居")
        .specs("Material=PP plastic@Storage Box,Organizer,Hangers",
            "Material=Oxford fabric@Storage Bag",
            "Material=PA/PE film@Vacuum Bags",
            "Material=Steel tube@Shoe Rack",
            "Dimensions=40 × 30 × 25 cm|60 × 40 × 30 cm",
            "Capacity=30 L|55 L|90 L@Storage Box,Storage Bag,Vacuum Bags",
            "Compartments=6|8|12@Organizer",
            "Load capacity=15 kg|25 kg@Storage Box,Shoe Rack,Hangers")
        .contents("{item}")
        .brands("brightnest", "mianyu", "linen-and-loom"));

    kinds.add(DemoKind.of("tableware").price(19, 399).weight(0.3, 1.2)
        .attrs(color("White", "Blue", "Black", "Green", "Pink"),
            Dim.of("set", "4 Piece", "6 Piece:1.4:1.5", "12 Piece:2.4:2.8"))
        .nouns("Ceramic Dinnerware Set|陶瓷餐具套装|Dinnerware|1.5", "Insulated Travel Mug|保温杯|Travel Mug|0.6",
            "Glass Water Bottle|玻璃水杯|Bottle|0.4", "Bamboo Cutlery Set|竹制餐具套装|Cutlery|0.5",
            "Stainless Steel Bento Box|不锈钢便当盒|Bento Box|0.6", "Coffee Mug Set|马克杯套装|Mug Set")
        .adjectives("Nordic|北欧风", "Hand-Painted|手绘|Dinnerware,Mug Set", "Minimalist|简约",
            "Double-Wall|双层|Travel Mug,Bento Box,Bottle,Mug Set")
        .qualifiers("Microwave-Safe|可微波炉加热|Dinnerware,Mug Set", "Dishwasher-Safe|可洗碗机清洗", "Gift Box|礼盒装")
        .en("{brand} {adj} {noun}, {qual}", "{brand} {adj} {noun}")
        .zh("{brand}{adj}{noun} {qual}")
        .features("double-wall insulation that keeps drinks hot for 12 hours|双层真空保温12小时|Travel Mug,Bento Box",
            "microwave- and dishwasher-safe ceramics|陶瓷可微波炉、洗碗机使用|Dinnerware,Mug Set",
            "a timeless hand-glazed finish|手工上釉，经典耐看|Dinnerware,Mug Set",
            "a leak-proof lid|防漏盖|Travel Mug,Bottle,Bento Box",
            "heat-resistant borosilicate glass|耐热高硼硅玻璃|Bottle",
            "light, reusable bamboo|轻便可重复使用的竹材|Cutlery",
            "a travel case for meals on the go|附便携收纳盒|Cutlery",
            "lead-free, food-grade materials|无铅食品级材质",
            "an easy-clean design|易清洗设计",
            "a giftable box|精美礼盒包装")
        .specs("Material=Porcelain@Dinnerware,Mug Set",
            "Material=316 stainless steel@Travel Mug,Bento Box",
            "Material=Borosilicate glass@Bottle",
            "Material=Bamboo@Cutlery",
            "Contents=Fork, spoon, chopsticks, straw@Cutlery",
            "Microwave-safe=Yes@Dinnerware,Mug Set",
            "Dishwasher-safe=Yes",
            "Capacity=350 ml|500 ml|750 ml@Travel Mug,Bottle,Mug Set,Bento Box")
        .contents("{item}", "Gift box")
        .brands("meichu", "brewmont", "brightnest"));

    Map<String, DemoKind> byCategory = new LinkedHashMap<>();
    for (DemoKind kind : kinds) {
      byCategory.put(kind.categorySlug, kind);
    }
    KINDS = Collections.unmodifiableMap(byCategory);
    validate();
  }

  // ------------------------------------------------------------------ lookups

  static DemoCategory category(String slug) {
    for (DemoCategory c : CATEGORIES) {
      if (c.slug().equals(slug)) {
        return c;
      }
    }
    throw new IllegalArgumentException("unknown category " + slug);
  }

  static BrandDef brand(String slug) {
    for (BrandDef b : BRANDS) {
      if (b.slug().equals(slug)) {
        return b;
      }
    }
    throw new IllegalArgumentException("unknown brand " + slug);
  }

  /** Fails fast on inconsistent vocabulary, so a typo shows at class loading, not in the data. */
  private static void validate() {
    Set<String> subSlugs = new HashSet<>();
    for (DemoCategory c : CATEGORIES) {
      if (!c.topLevel()) {
        subSlugs.add(c.slug());
      }
    }
    if (!subSlugs.equals(KINDS.keySet())) {
      throw new IllegalStateException("every sub-category needs exactly one kind");
    }
    for (DemoKind kind : KINDS.values()) {
      String top = category(kind.categorySlug).parentSlug();
      for (String b : kind.brandSlugs) {
        if (!brand(b).topCategories().contains(top)) {
          throw new IllegalStateException(b + " is not tied to " + top + " (" + kind.categorySlug + ")");
        }
      }
      int combinations = kind.dims.stream().mapToInt(d -> d.values().size()).reduce(1, (x, y) -> x * y);
      if (kind.brandSlugs.isEmpty() || kind.nouns.isEmpty() || kind.enTemplates.isEmpty()
          || kind.zhTemplates.isEmpty()
          || kind.contents.isEmpty() || combinations < DemoCatalogGenerator.MAX_SKUS_PER_PRODUCT) {
        throw new IllegalStateException("incomplete kind " + kind.categorySlug);
      }
      Set<String> labels = new HashSet<>();
      for (Term noun : kind.nouns) {
        labels.add(noun.shortLabel());
        if (kind.featuresFor(noun).size() < 3 || kind.specsFor(noun).size() < 3) {
          throw new IllegalStateException("too few features or specs for " + noun.en());
        }
      }
      List<Term> tagged = new ArrayList<>(kind.features);
      tagged.addAll(kind.adjectives);
      tagged.addAll(kind.qualifiers);
      for (Term feature : tagged) {
        if (feature.label() != null && !labels.containsAll(List.of(feature.label().split(",")))) {
          throw new IllegalStateException("word for an unknown noun: " + feature.en());
        }
      }
      for (DemoKind.Spec spec : kind.specs) {
        if (!labels.containsAll(spec.nounLabels())) {
          throw new IllegalStateException("spec for an unknown noun: " + spec.name());
        }
      }
      for (String t : kind.enTemplates) {
        if (t.contains("{model}") && kind.models.isEmpty()) {
          throw new IllegalStateException("template needs models: " + kind.categorySlug);
        }
      }
      for (String t : kind.zhTemplates) {
        if (t.contains("{model}") && kind.models.isEmpty()) {
          throw new IllegalStateException("template needs models: " + kind.categorySlug);
        }
      }
    }
    for (BrandDef b : BRANDS) {
      if (KINDS.values().stream().noneMatch(k -> k.brandSlugs.contains(b.slug()))) {
        throw new IllegalStateException("brand without products: " + b.slug());
      }
    }
  }
}
