/* Reading scraped pages: the article inside four Vietnamese news layouts
 * (title, body paragraphs and photo captions kept; bylines, widgets,
 * headings, lists of other articles and their time stamps left out), the
 * publication date from a page, a URL or the record, and pages in NFD and
 * with CRLF line ends.  Every page here was written for this test. */
#include <stdlib.h>
#include <string.h>

#include <unicode/unorm2.h>
#include <unicode/ustring.h>

#include "support.h"

/* ---- helpers ---------------------------------------------------------- */

/* Everything a test allocates is registered here and released by the
 * per-test teardown, so a failing assertion (which leaves the test by a
 * long jump) leaks nothing under ASan or valgrind. */
#define MAX_OWNED 16
static bn_article *owned_articles[MAX_OWNED];
static void *owned_buffers[MAX_OWNED];

static bn_article *own(bn_article *a)
{
    for (size_t i = 0; i < MAX_OWNED; i++)
        if (!owned_articles[i]) {
            owned_articles[i] = a;
            return a;
        }
    bn_article_free(a);
    fail_msg("too many articles in one test");
    return NULL;
}

static void *own_buffer(void *p)
{
    for (size_t i = 0; i < MAX_OWNED; i++)
        if (!owned_buffers[i]) {
            owned_buffers[i] = p;
            return p;
        }
    free(p);
    fail_msg("too many buffers in one test");
    return NULL;
}

static int release_all(void **state)
{
    (void)state;
    for (size_t i = 0; i < MAX_OWNED; i++) {
        bn_article_free(owned_articles[i]);
        owned_articles[i] = NULL;
        free(owned_buffers[i]);
        owned_buffers[i] = NULL;
    }
    return 0;
}

/* An article from a text with a record date (or NULL). */
static bn_article *page(void **state, const char *text, const char *dct)
{
    return own(test_extract(*state, text, dct));
}

static int is_title_span(const bn_article *a, size_t i)
{
    return a->body[i].start == a->title_span.start && a->body[i].end == a->title_span.end &&
           a->title_span.end > a->title_span.start;
}

static size_t body_spans(const bn_article *a)
{
    size_t n = 0;
    for (size_t i = 0; i < a->nbody; i++)
        n += !is_title_span(a, i);
    return n;
}

/* Whether a body span other than the title holds `needle`. */
static int body_has(const bn_article *a, const char *needle)
{
    return test_body_has(a, needle, 1);
}

static void assert_body_has_all(const bn_article *a, const char *const *kept, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!body_has(a, kept[i]))
            fail_msg("body lost \"%s\"", kept[i]);
}

static void assert_body_has_none(const bn_article *a, const char *const *dropped, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (body_has(a, dropped[i]))
            fail_msg("boilerplate kept as body: \"%s\"", dropped[i]);
}

/* Every event is stated in a body sentence (not in the title or in
 * boilerplate), and none in a sentence holding one of `foreign`. */
static void assert_events_from_body(const bn_article *a, const char *const *foreign, size_t n)
{
    for (size_t e = 0; e < a->nevents; e++) {
        for (size_t s = 0; s < a->events[e].nsources; s++) {
            const bn_source *src = &a->events[e].sources[s];
            int inside = 0;
            for (size_t i = 0; i < a->nbody && !inside; i++) {
                uint32_t off = a->body_offsets[2 * i], len = a->body_offsets[2 * i + 1];
                inside = !is_title_span(a, i) && src->offset >= off && src->offset + src->length <= off + len;
            }
            if (!inside)
                fail_msg("event from outside the body: \"%s\"", src->sentence);
            for (size_t k = 0; k < n; k++)
                if (strstr(src->sentence, foreign[k]))
                    fail_msg("event from boilerplate (\"%s\"): \"%s\"", foreign[k], src->sentence);
        }
    }
}

#define COUNT(arr) (sizeof(arr) / sizeof(arr)[0])

/* An article from a record with a URL and a date (either may be NULL). */
static bn_article *extract_rec(test_env *env, const char *text, size_t len, const char *url, const char *date)
{
    bn_record rec = {.path = "page.txt", .id = "page.txt", .url = url, .date = date, .text = text, .len = len,
                     .line = 1};
    bn_article *a = NULL;
    bn_error err;
    bn_error_clear(&err);
    if (bn_extract(env->ex, &rec, &a, &err) != BN_OK) {
        char buf[1200];
        bn_error_format(&err, buf, sizeof buf);
        fail_msg("extract failed: %s", buf);
    }
    return own(a);
}

/* The canonical decomposition (NFD) of a UTF-8 string; malloc'd. */
static char *to_nfd(const char *s)
{
    UErrorCode st = U_ZERO_ERROR;
    const UNormalizer2 *nfd = unorm2_getNFDInstance(&st);
    assert_true(U_SUCCESS(st));
    int32_t n16 = 0;
    u_strFromUTF8(NULL, 0, &n16, s, -1, &st);
    st = U_ZERO_ERROR;
    UChar *u = malloc(((size_t)n16 + 1) * sizeof *u);
    assert_non_null(u);
    u_strFromUTF8(u, n16 + 1, NULL, s, -1, &st);
    assert_true(U_SUCCESS(st));
    int32_t cap = 3 * n16 + 1;
    UChar *d = malloc((size_t)cap * sizeof *d);
    assert_non_null(d);
    int32_t nd = unorm2_normalize(nfd, u, n16, d, cap, &st);
    assert_true(U_SUCCESS(st));
    int32_t n8 = 0;
    u_strToUTF8(NULL, 0, &n8, d, nd, &st);
    st = U_ZERO_ERROR;
    char *out = malloc((size_t)n8 + 1);
    assert_non_null(out);
    u_strToUTF8(out, n8 + 1, NULL, d, nd, &st);
    assert_true(U_SUCCESS(st));
    free(u);
    free(d);
    return out;
}

/* The same text with CRLF line ends; malloc'd. */
static char *to_crlf(const char *s)
{
    size_t n = strlen(s), lf = 0;
    for (size_t i = 0; i < n; i++)
        lf += s[i] == '\n';
    char *out = malloc(n + lf + 1), *p = out;
    assert_non_null(out);
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '\n')
            *p++ = '\r';
        *p++ = s[i];
    }
    *p = '\0';
    return out;
}

/* ---- pages ------------------------------------------------------------ */

/* A: an international-affairs site.  Byline, lead, a "follow us" widget,
 * a related headline printed twice on one line, captions ending with the
 * photo agency, "(theo Reuters)", then lists of other articles: each
 * headline printed twice on consecutive lines, then its teaser. */
static const char PAGE_A[] =
    "Hội nghị thượng đỉnh NATO tại Vilnius khép lại, Ukraine nhận cam kết nhưng chưa có lời mời\n"
    "\n"
    "Bảo Ngọc\n"
    "Ngày 12/7/2023, hội nghị thượng đỉnh kéo dài hai ngày của NATO tại thủ đô Vilnius của Lithuania đã kết thúc "
    "với tuyên bố chung khẳng định tương lai của Ukraine nằm trong liên minh.\n"
    "Theo dõi Baoquocte.vn trên\n"
    "Lãnh đạo các nước thành viên NATO chụp ảnh chung tại Vilnius (Nguồn: AFP)\n"
    "\n"
    "Tuy vậy, văn kiện cuối cùng không đưa ra mốc thời gian cụ thể để Kiev trở thành thành viên, điều khiến "
    "Tổng thống Volodymyr Zelensky tỏ ra thất vọng.\n"
    "\n"
    "Tin liên quan\n"
    "Thụy Điển tiến gần hơn tới tư cách thành viên NATO Thụy Điển tiến gần hơn tới tư cách thành viên NATO\n"
    "\n"
    "Trong ngày làm việc thứ hai, các nhà lãnh đạo lần đầu tổ chức cuộc họp của Hội đồng NATO-Ukraine với sự "
    "tham dự của ông Zelensky.\n"
    "\n"
    "Tổng thư ký NATO Jens Stoltenberg nói rằng liên minh sẽ gửi lời mời khi các đồng minh nhất trí và các điều "
    "kiện được đáp ứng.\n"
    "\n"
    "Tổng thống Ukraine Volodymyr Zelensky tại cuộc họp báo ở Vilnius (Nguồn: Reuters)\n"
    "\n"
    "Trước đó một ngày, Thổ Nhĩ Kỳ đồng ý chuyển hồ sơ gia nhập của Thụy Điển tới Quốc hội nước này để phê "
    "chuẩn.\n"
    "\n"
    "(theo Reuters)\n"
    "\n"
    "Bài viết cùng chủ đề\n"
    "\n"
    "Căng thẳng Nga-Ukraine\n"
    "\n"
    "Xem nhiều\n"
    "\n"
    "Đọc thêm\n"
    "\n"
    "Điểm tin thế giới tối 5/9: Ngoại trưởng hai nước gặp nhau bên lề diễn đàn khu vực\n"
    "\n"
    "Điểm tin thế giới tối 5/9: Ngoại trưởng hai nước gặp nhau bên lề diễn đàn khu vực\n"
    "\n"
    "Ngày 5/9, Ngoại trưởng Nga Sergei Lavrov tuyên bố Moskva sẵn sàng đàm phán với Kiev nhưng đặt ra nhiều "
    "điều kiện mới.\n"
    "\n"
    "Ba Lan triển khai thêm binh sĩ tới biên giới với Belarus\n"
    "\n"
    "Ba Lan triển khai thêm binh sĩ tới biên giới với Belarus\n"
    "\n"
    "Hôm 10/8, Bộ Quốc phòng Ba Lan thông báo sẽ điều thêm hàng nghìn quân tới khu vực giáp ranh vì lo ngại lực "
    "lượng Wagner...\n";

static const char TITLE_A[] =
    "Hội nghị thượng đỉnh NATO tại Vilnius khép lại, Ukraine nhận cam kết nhưng chưa có lời mời";

/* B: a news portal whose scrape starts with a newsletter form, marks the
 * lead with "(VTC News) -", signs with the author's name alone and ends
 * with a list of new headlines. */
static const char PAGE_B[] =
    "Nhập thông tin\n"
    "  • Lỗi: Email không hợp lệ\n"
    "\n"
    "Đóng\n"
    "\n"
    "Nga và Ukraine trao đổi hàng trăm tù binh sau nhiều tháng gián đoạn\n"
    "\n"
    "(VTC News) -\n"
    "\n"
    "Ngày 3/1/2024, Nga và Ukraine tiến hành đợt trao đổi tù binh lớn nhất kể từ đầu cuộc xung đột, với hơn 200 "
    "người của mỗi bên được trở về nhà.\n"
    "\n"
    "Bộ Quốc phòng Nga cho biết 248 quân nhân Nga đã được Ukraine trả tự do sau các cuộc đàm phán có sự trung "
    "gian của Các Tiểu vương quốc Arab Thống nhất.\n"
    "\n"
    "Phía Kiev xác nhận 230 công dân Ukraine, trong đó có binh sĩ và dân thường, đã trở về qua biên giới với "
    "Belarus.\n"
    "\n"
    "Những tù binh Ukraine vừa được trả tự do ngồi trên xe buýt gần biên giới\n"
    "\n"
    "Tổng thống Volodymyr Zelensky viết trên mạng xã hội rằng chính quyền của ông sẽ tiếp tục nỗ lực để đưa tất "
    "cả người Ukraine bị giam giữ trở về.\n"
    "\n"
    "Các nhà quan sát nhận định đợt trao đổi này cho thấy hai bên vẫn duy trì được một kênh liên lạc dù chiến sự "
    "trên thực địa chưa hề lắng dịu.\n"
    "\n"
    "Minh Khôi\n"
    "\n"
    "Tin mới\n"
    "\n"
    "Giá vàng hôm nay tiếp tục lập đỉnh mới\n"
    "\n"
    "Ngày 17/2, Nga tuyên bố kiểm soát hoàn toàn thị trấn Avdiivka\n"
    "\n"
    "Thời tiết Hà Nội cuối tuần có mưa rét\n";

static const char TITLE_B[] = "Nga và Ukraine trao đổi hàng trăm tù binh sau nhiều tháng gián đoạn";

/* C: a daily with a date line under the title, a caption ending with
 * "- Ảnh: REUTERS", a "Nguồn: https://..." end marker and a "Cùng chủ đề"
 * list of headline + teaser pairs.  The date line is a separate piece so
 * that the page can be tried without it. */
#define C_TITLE "NATO cảnh báo Nga sẽ phải trả giá đắt nếu tấn công Ukraine\n"
#define C_DATELINE "Thứ hai, 10/01/2022 14:30 GMT+7\n"
#define C_LEAD                                                                                                   \
    "Ngày 10/1, Tổng thư ký NATO Jens Stoltenberg cảnh báo Nga sẽ chịu hậu quả nghiêm trọng về kinh tế và chính " \
    "trị nếu mở chiến dịch quân sự nhằm vào Ukraine."
#define C_REST                                                                                                     \
    "Phát biểu cùng Phó Thủ tướng Ukraine Olga Stefanishyna tại Brussels, ông Stoltenberg cho rằng liên minh cần " \
    "gửi đi một thông điệp thống nhất.\n"                                                                          \
    "Tổng thư ký NATO Jens Stoltenberg và Phó Thủ tướng Ukraine Olga Stefanishyna tại Brussels - Ảnh: REUTERS\n"   \
    "Cùng ngày, các phái đoàn Mỹ và Nga ngồi vào bàn đàm phán tại Geneva, Thụy Sĩ để thảo luận về những đòi hỏi " \
    "an ninh mà Moskva đưa ra hồi tháng trước.\n"                                                                  \
    "Hai ngày sau, Hội đồng NATO-Nga dự kiến nhóm họp tại Brussels lần đầu tiên sau hơn hai năm.\n"               \
    "Nguồn: https://tuoitre.example.vn/nato-canh-bao-nga-20220110143000.htm\n"                                     \
    "Cùng chủ đề\n"                                                                                                \
    "Ông Putin và ông Biden điện đàm lần thứ hai trong tháng\n"                                                    \
    "Ngày 30/12, hai nhà lãnh đạo điện đàm gần một giờ về tình hình an ninh ở châu Âu.\n"                          \
    "Kazakhstan đề nghị khối CSTO hỗ trợ giữ ổn định\n"                                                            \
    "Hôm 5/1, Tổng thống Kassym-Jomart Tokayev kêu gọi các đồng minh gửi lực lượng gìn giữ hòa bình tới nước "    \
    "này.\n"

static const char PAGE_C[] = C_TITLE C_DATELINE C_LEAD "\n" C_REST;
static const char PAGE_C_NO_DATELINE[] = C_TITLE C_LEAD "\n" C_REST;
static const char TITLE_C[] = "NATO cảnh báo Nga sẽ phải trả giá đắt nếu tấn công Ukraine";

/* D: an entertainment-and-news site: a breadcrumb glued to the title,
 * image tags, "Video đang HOT", and a "Có thể bạn quan tâm" list whose
 * entries are image tags (time stamps glued in front) and headlines ending
 * with "?" or "!". */
#define D_TITLE "NATO tăng cường hiện diện ở sườn phía đông sau xung đột tại Ukraine"
#define D_BODY                                                                                                     \
    "Ngày 24/3/2022, các nhà lãnh đạo NATO nhóm họp khẩn cấp tại Brussels và nhất trí thành lập thêm bốn nhóm "   \
    "tác chiến ở Bulgaria, Hungary, Romania và Slovakia.\n"                                                        \
    "<image>src=\"anh.jpg\" alt=\"Binh sĩ NATO tập trận\"</image>\n"                                               \
    "Binh sĩ Mỹ tham gia một cuộc tập trận chung ở Romania - Ảnh: Reuters\n"                                       \
    "Với quyết định này, số nhóm tác chiến đa quốc gia của liên minh dọc sườn phía đông tăng lên tám, trải dài "  \
    "từ biển Baltic tới biển Đen.\n"                                                                               \
    "Video đang HOT\n"                                                                                             \
    "Tổng thư ký Jens Stoltenberg cho biết các đồng minh cũng sẽ tăng cường khả năng phòng thủ trước mối đe dọa " \
    "từ vũ khí hóa học và hạt nhân.\n"
#define D_LIST                                                                                                     \
    "Có thể bạn quan tâm\n"                                                                                        \
    "<image>src=\"anh-2.jpg\" alt=\"Vì sao Nga rút quân khỏi khu vực quanh thủ đô Kiev?\"</image>\n"              \
    "Vì sao Nga rút quân khỏi khu vực quanh thủ đô Kiev?\n"                                                        \
    "19:51:57 21/02/2025<image>src=\"anh-3.jpg\" alt=\"Phần Lan chính thức nộp đơn xin gia nhập NATO!\"</image>\n" \
    "Phần Lan chính thức nộp đơn xin gia nhập NATO!\n"                                                             \
    "Thế giới\n"                                                                                                   \
    "19:47:17 21/02/2025<image>src=\"anh-4.jpg\" alt=\"Thổ Nhĩ Kỳ đưa ra điều kiện mới?\"</image>\n"              \
    "Thổ Nhĩ Kỳ bất ngờ đưa ra điều kiện mới với Thụy Điển và Phần Lan?\n"                                         \
    "Phiên bản di động\n"

static const char PAGE_D[] = "Trang chủThế giớiNATO tăng cường hiện diện ở sườn phía đông sau xung đột tại Ukraine\n"
                             D_TITLE "\n" D_BODY D_LIST;

/* ---- 1. the four layouts ---------------------------------------------- */

static void layout_a_international_affairs(void **state)
{
    bn_article *a = page(state, PAGE_A, "2023-07-12");
    assert_string_equal(a->title, TITLE_A);
    static const char *const kept[] = {
        "Ngày 12/7/2023, hội nghị thượng đỉnh kéo dài hai ngày",
        "Tuy vậy, văn kiện cuối cùng",
        "Trong ngày làm việc thứ hai",
        "sẽ gửi lời mời khi các đồng minh nhất trí",
        "chuyển hồ sơ gia nhập của Thụy Điển tới Quốc hội",
        /* photo captions are body */
        "chụp ảnh chung tại Vilnius (Nguồn: AFP)",
        "tại cuộc họp báo ở Vilnius (Nguồn: Reuters)",
    };
    static const char *const dropped[] = {
        "Bảo Ngọc",          /* byline */
        "Theo dõi",          /* widget */
        "Tin liên quan",     /* heading */
        "tiến gần hơn tới",  /* related headline printed twice on one line */
        "(theo Reuters)",    /* end marker */
        "Bài viết cùng chủ đề", "Căng thẳng Nga-Ukraine", "Xem nhiều", "Đọc thêm",
        "Điểm tin thế giới", /* list headlines printed twice */
        "Sergei Lavrov",     /* their teasers */
        "Ba Lan triển khai", "Wagner",
    };
    assert_body_has_all(a, kept, COUNT(kept));
    assert_body_has_none(a, dropped, COUNT(dropped));
    assert_int_equal(body_spans(a), 7);
    assert_int_equal(a->nsentences, 7);
    assert_true(a->nevents > 0);
    static const char *const foreign[] = {"Lavrov", "10/8", "Thụy Điển tiến gần"};
    assert_events_from_body(a, foreign, COUNT(foreign));
}

static void layout_b_portal_with_form(void **state)
{
    bn_article *a = page(state, PAGE_B, "2024-01-03");
    assert_string_equal(a->title, TITLE_B);
    static const char *const kept[] = {
        "Ngày 3/1/2024, Nga và Ukraine tiến hành",
        "248 quân nhân Nga",
        "Phía Kiev xác nhận 230 công dân",
        /* a caption without final punctuation, between paragraphs */
        "Những tù binh Ukraine vừa được trả tự do ngồi trên xe buýt gần biên giới",
        "Tổng thống Volodymyr Zelensky viết trên mạng xã hội",
        "vẫn duy trì được một kênh liên lạc",
    };
    static const char *const dropped[] = {
        "Nhập thông tin", "Lỗi", "Email không hợp lệ", "Đóng",
        "VTC News",   /* the agency mark before the lead */
        "Minh Khôi",  /* the author's name at the end */
        "Tin mới", "Giá vàng", "Avdiivka", "mưa rét",
    };
    assert_body_has_all(a, kept, COUNT(kept));
    assert_body_has_none(a, dropped, COUNT(dropped));
    assert_int_equal(body_spans(a), 6);
    assert_int_equal(a->nsentences, 6);
    static const char *const foreign[] = {"Avdiivka", "17/2"};
    assert_events_from_body(a, foreign, COUNT(foreign));
}

static void layout_c_daily_with_date_line(void **state)
{
    bn_article *a = page(state, PAGE_C, NULL);
    assert_string_equal(a->title, TITLE_C);
    static const char *const kept[] = {
        "Ngày 10/1, Tổng thư ký NATO Jens Stoltenberg cảnh báo Nga",
        "Phát biểu cùng Phó Thủ tướng Ukraine",
        "tại Brussels - Ảnh: REUTERS", /* caption */
        "các phái đoàn Mỹ và Nga ngồi vào bàn đàm phán",
        "Hội đồng NATO-Nga dự kiến nhóm họp",
    };
    static const char *const dropped[] = {
        "Thứ hai, 10/01/2022", "GMT+7",
        "Nguồn:", "tuoitre.example.vn",
        "Cùng chủ đề",
        "điện đàm lần thứ hai", "Ngày 30/12", "Kazakhstan", "Tokayev",
    };
    assert_body_has_all(a, kept, COUNT(kept));
    assert_body_has_none(a, dropped, COUNT(dropped));
    assert_int_equal(body_spans(a), 5);
    assert_int_equal(a->nsentences, 5);
    assert_string_equal(TX(a->dct), "2022-01-10");
    assert_int_equal(a->dct_source, BN_DCT_PAGE);
    assert_true(a->nevents > 0);
    static const char *const foreign[] = {"30/12", "Tokayev", "Biden"};
    assert_events_from_body(a, foreign, COUNT(foreign));
}

static void layout_d_breadcrumb_images_and_list(void **state)
{
    bn_article *a = page(state, PAGE_D, NULL);
    /* the trail glued to the title ("Trang chủThế giớiNATO tăng cường…")
     * is no title: the title is the line printed after it, and the lead
     * under that line is the body's first paragraph */
    assert_string_equal(a->title, D_TITLE);
    static const char *const kept[] = {
        "Ngày 24/3/2022, các nhà lãnh đạo NATO nhóm họp khẩn cấp",
        "Binh sĩ Mỹ tham gia một cuộc tập trận chung ở Romania - Ảnh: Reuters", /* caption */
        "số nhóm tác chiến đa quốc gia",
        "vũ khí hóa học và hạt nhân",
    };
    static const char *const dropped[] = {
        "Trang chủ", "<image", "src=", "Video đang HOT", "Có thể bạn quan tâm",
        "Vì sao Nga rút quân", "Phần Lan chính thức", "Thổ Nhĩ Kỳ bất ngờ",
        "19:51:57", "21/02/2025", "Thế giới", "Phiên bản di động",
    };
    assert_body_has_all(a, kept, COUNT(kept));
    assert_body_has_none(a, dropped, COUNT(dropped));
    assert_int_equal(body_spans(a), 4);
    assert_int_equal(a->nsentences, 4);
    /* the time stamps are the listed articles' */
    assert_int_equal(a->dct.year, 0);
    assert_int_equal(a->dct_source, BN_DCT_NONE);
    static const char *const foreign[] = {"Kiev?", "Phần Lan", "Thổ Nhĩ Kỳ"};
    assert_events_from_body(a, foreign, COUNT(foreign));

    /* the trail glued to the title and the title not printed again: the
     * title is what follows the trail */
    a = page(state, "Trang chủThế giới" D_TITLE "\n" D_BODY D_LIST, NULL);
    assert_string_equal(a->title, D_TITLE);
    assert_body_has_all(a, kept, COUNT(kept));
    assert_body_has_none(a, dropped, COUNT(dropped));
    assert_int_equal(body_spans(a), 4);
    assert_int_equal(a->nsentences, 4);
}

/* ---- 2. the publication date ------------------------------------------ */

static void dct_from_date_line_near_title(void **state)
{
    bn_article *a = page(state, PAGE_C, NULL);
    assert_string_equal(TX(a->dct), "2022-01-10");
    assert_int_equal(a->dct_source, BN_DCT_PAGE);

    /* the other daily's form, under a byline: "10/01/2022 - 14:30" */
    a = page(state,
                     "Nga và Mỹ bắt đầu đàm phán an ninh tại Geneva\n"
                     "Thanh Bình\n"
                     "10/01/2022 - 14:30\n"
                     "Ngày 10/1, Thứ trưởng Ngoại giao Nga Sergei Ryabkov và Thứ trưởng Ngoại giao Mỹ Wendy Sherman "
                     "gặp nhau tại Geneva trong cuộc đàm phán kéo dài gần tám giờ.\n"
                     "Phía Nga nhắc lại yêu cầu NATO cam kết không kết nạp Ukraine làm thành viên.\n",
                     NULL);
    assert_string_equal(a->title, "Nga và Mỹ bắt đầu đàm phán an ninh tại Geneva");
    assert_string_equal(TX(a->dct), "2022-01-10");
    assert_int_equal(a->dct_source, BN_DCT_PAGE);
    assert_false(body_has(a, "Thanh Bình"));
    assert_false(body_has(a, "14:30"));
    assert_int_equal(a->nsentences, 2);

    /* the page's date line is trusted over the URL's date */
    a = extract_rec(*state, PAGE_C, strlen(PAGE_C), "https://tuoitre.example.vn/the-gioi/2022/01/11/nato-canh-bao.htm",
                    NULL);
    assert_string_equal(TX(a->dct), "2022-01-10");
    assert_int_equal(a->dct_source, BN_DCT_PAGE);
}

static void dct_from_url_without_date_line(void **state)
{
    const char *urls[] = {
        "https://tuoitre.example.vn/the-gioi/2022/01/10/nato-canh-bao-nga.htm",
        "https://tuoitre.example.vn/nato-canh-bao-nga-20220110093512345.htm",
    };
    for (size_t i = 0; i < COUNT(urls); i++) {
        bn_article *a = extract_rec(*state, PAGE_C_NO_DATELINE, strlen(PAGE_C_NO_DATELINE), urls[i], NULL);
        assert_string_equal(TX(a->dct), "2022-01-10");
        assert_int_equal(a->dct_source, BN_DCT_URL);
        assert_string_equal(a->title, TITLE_C);
        assert_int_equal(a->nsentences, 5);
    }
    /* no date line and no URL: no date (the "Nguồn:" URL is not the
     * record's) */
    bn_article *a = page(state, PAGE_C_NO_DATELINE, NULL);
    assert_int_equal(a->dct.year, 0);
    assert_int_equal(a->dct_source, BN_DCT_NONE);
}

static void dct_not_from_time_stamps_of_a_list(void **state)
{
    /* time stamps glued to image tags and a time stamp alone on a line,
     * all in the list after the article */
    bn_article *a = page(state,
                                 D_TITLE "\n" D_BODY D_LIST
                                 "08:15:32 15/02/2025\n"
                                 "Ukraine nhận thêm hệ thống phòng không từ các nước châu Âu\n",
                                 NULL);
    assert_string_equal(a->title, D_TITLE);
    assert_int_equal(a->dct.year, 0);
    assert_int_equal(a->dct_source, BN_DCT_NONE);
    assert_int_equal(body_spans(a), 4);
    assert_int_equal(a->nsentences, 4);
    assert_false(body_has(a, "15/02/2025"));
    assert_false(body_has(a, "phòng không"));
}

static void dct_given_wins_over_page(void **state)
{
    bn_article *a = page(state, PAGE_C, "2022-01-11");
    assert_string_equal(TX(a->dct), "2022-01-11");
    assert_int_equal(a->dct_source, BN_DCT_GIVEN);
    assert_int_equal(a->nsentences, 5);

    /* over the URL too, and a full ISO time is cut to the day */
    a = extract_rec(*state, PAGE_C, strlen(PAGE_C), "https://tuoitre.example.vn/the-gioi/2022/01/10/nato.htm",
                    "2022-01-11T07:00:00Z");
    assert_string_equal(TX(a->dct), "2022-01-11");
    assert_int_equal(a->dct_source, BN_DCT_GIVEN);
}

/* ---- 3. a page of boilerplate only ------------------------------------ */

static void all_boilerplate_page(void **state)
{
    bn_article *a = page(state,
                                 "Trang chủ\n"
                                 "Theo dõi Báo Mẫu trên\n"
                                 "Tin mới nhất\n"
                                 "<image>src=\"anh-1.jpg\" alt=\"Trao đổi tù binh\"</image>\n"
                                 "Nga và Ukraine trao đổi tù binh lần thứ ba trong tháng\n"
                                 "<image>src=\"anh-2.jpg\" alt=\"Phần Lan và NATO\"</image>\n"
                                 "Vì sao Phần Lan từ bỏ chính sách trung lập sau hơn bảy thập kỷ?\n"
                                 "Xem nhiều\n"
                                 "Ngày 14/10, NATO khởi động tập trận hạt nhân thường niên ở châu Âu "
                                 "Ngày 14/10, NATO khởi động tập trận hạt nhân thường niên ở châu Âu\n"
                                 "Ba Lan triển khai thêm quân tới biên giới với Belarus\n"
                                 "Ba Lan triển khai thêm quân tới biên giới với Belarus\n"
                                 "Tin liên quan\n"
                                 "Ông Stoltenberg nói NATO không tìm kiếm xung đột với Nga\n"
                                 "Video đang HOT\n"
                                 "Phiên bản di động\n",
                                 "2022-10-20");
    assert_int_equal(a->nsentences, 0);
    assert_int_equal(a->nevents, 0);
    assert_int_equal(body_spans(a), 0);
}

static void all_boilerplate_page_with_question_headlines(void **state)
{
    /* a list whose headlines end with "?" and "!" (no full stop anywhere
     * on the page) */
    bn_article *a = page(state,
                                 "Trang chủ\n"
                                 "Theo dõi Báo Mẫu trên\n"
                                 "Có thể bạn quan tâm\n"
                                 "<image>src=\"anh-1.jpg\" alt=\"Phần Lan và NATO\"</image>\n"
                                 "Vì sao Phần Lan từ bỏ chính sách trung lập sau hơn bảy thập kỷ?\n"
                                 "Xem nhiều\n"
                                 "Ngày 21/9, Mỹ công bố gói viện trợ quân sự mới trị giá hàng tỷ USD cho Ukraine!\n"
                                 "Liệu Thụy Điển có kịp trở thành thành viên trước hội nghị thượng đỉnh?\n"
                                 "Video đang HOT\n"
                                 "Phiên bản di động\n",
                                 "2022-09-25");
    /* two list headlines in a row ending with "!" and "?" (long enough to
     * read as sentences) are still headlines: no body, and no "viện trợ"
     * event from the dated one */
    assert_int_equal(a->nsentences, 0);
    assert_int_equal(a->nevents, 0);
    assert_false(body_has(a, "viện trợ quân sự"));
    assert_false(body_has(a, "Thụy Điển"));
}

/* ---- 4. a page without boilerplate ------------------------------------ */

static const char PAGE_PLAIN[] =
    "Nga sáp nhập bán đảo Crimea sau cuộc trưng cầu dân ý gây tranh cãi\n"
    "Ngày 18/3/2014, Tổng thống Nga Vladimir Putin ký hiệp ước sáp nhập bán đảo Crimea vào Liên bang Nga, hai "
    "ngày sau cuộc trưng cầu dân ý mà phương Tây không công nhận.\n"
    "Mỹ và Liên minh châu Âu lên án động thái này và công bố các lệnh trừng phạt nhằm vào một số quan chức Nga.\n"
    "Chính quyền lâm thời ở Kiev khẳng định Crimea vẫn là một phần lãnh thổ không thể tách rời của Ukraine.\n"
    "Ngày 27/3/2014, Đại hội đồng Liên hợp quốc thông qua nghị quyết ủng hộ sự toàn vẹn lãnh thổ của Ukraine.\n";

static void page_without_boilerplate(void **state)
{
    bn_article *a = page(state, PAGE_PLAIN, NULL);
    assert_string_equal(a->title, "Nga sáp nhập bán đảo Crimea sau cuộc trưng cầu dân ý gây tranh cãi");
    assert_int_equal(a->nbody, 5);
    assert_int_equal(body_spans(a), 4);
    assert_int_equal(a->nsentences, 4);
    static const char *const kept[] = {
        "Ngày 18/3/2014, Tổng thống Nga Vladimir Putin ký hiệp ước",
        "Mỹ và Liên minh châu Âu lên án",
        "Chính quyền lâm thời ở Kiev",
        "Ngày 27/3/2014, Đại hội đồng Liên hợp quốc",
    };
    assert_body_has_all(a, kept, COUNT(kept));
    assert_events_from_body(a, NULL, 0);
}

/* ---- 5. NFD input ----------------------------------------------------- */

static void nfd_page_reads_like_its_nfc_twin(void **state)
{
    char *nfd = own_buffer(to_nfd(PAGE_C));
    assert_true(strlen(nfd) > strlen(PAGE_C)); /* really decomposed */
    bn_article *c = page(state, PAGE_C, NULL);
    bn_article *d = page(state, nfd, NULL);
    assert_string_equal(d->title, TITLE_C); /* NFC */
    assert_int_equal(d->nbody, c->nbody);
    assert_int_equal(d->nsentences, c->nsentences);
    assert_int_equal(d->nevents, c->nevents);
    assert_true(bn_date_equal(&d->dct, &c->dct));
    assert_int_equal(d->dct_source, BN_DCT_PAGE);
    /* the same spans of clean (NFC) text */
    for (size_t i = 0; i < d->nbody; i++) {
        assert_int_equal(d->body[i].end - d->body[i].start, c->body[i].end - c->body[i].start);
        assert_memory_equal(d->text.s + d->body[i].start, c->text.s + c->body[i].start,
                            c->body[i].end - c->body[i].start);
    }
    /* the lead's span is the decomposed lead in the original bytes */
    char *lead = own_buffer(to_nfd(C_LEAD));
    const char *at = strstr(nfd, lead);
    assert_non_null(at);
    int found = 0;
    for (size_t i = 0; i < d->nbody; i++) {
        if (d->body_offsets[2 * i] == (uint32_t)(at - nfd)) {
            found = 1;
            assert_int_equal(d->body_offsets[2 * i + 1], strlen(lead));
            assert_memory_equal(d->raw + d->body_offsets[2 * i], lead, strlen(lead));
        }
    }
    assert_true(found);
}

/* ---- 6. CRLF input ---------------------------------------------------- */

static void crlf_page_reads_like_its_lf_twin(void **state)
{
    char *crlf = own_buffer(to_crlf(PAGE_A));
    bn_article *lf = page(state, PAGE_A, "2023-07-12");
    bn_article *a = page(state, crlf, "2023-07-12");
    assert_string_equal(a->title, TITLE_A);
    assert_int_equal(a->nbody, lf->nbody);
    assert_int_equal(a->nsentences, lf->nsentences);
    assert_int_equal(a->nevents, lf->nevents);
    for (size_t i = 0; i < a->nbody; i++) {
        const char *s = a->raw + a->body_offsets[2 * i];
        uint32_t n = a->body_offsets[2 * i + 1];
        assert_true(n > 0);
        assert_null(memchr(s, '\r', n));
        assert_null(memchr(s, '\n', n));
    }
    assert_true(body_has(a, "chụp ảnh chung tại Vilnius (Nguồn: AFP)"));
    assert_false(body_has(a, "Sergei Lavrov"));
}

/* ---- 9. bodies crawled as one line -------------------------------------- */

/* Title, lead, then the whole body on one line, as aggregators store it:
 * a photo caption that names and says nothing, one that states an event
 * with its credit glued to the next sentence, a byline at the end. */
static const char PAGE_ONE_LINE[] =
    "NATO họp thượng đỉnh tại Vilnius, Thụy Điển tiến gần tư cách thành viên\n"
    "Các nhà lãnh đạo NATO nhóm họp hai ngày tại thủ đô Lithuania.\n"
    "Hội nghị thượng đỉnh NATO khai mạc tại Vilnius ngày 11/7/2023 với sự tham dự của lãnh đạo 31 nước thành viên. "
    "Tổng thư ký NATO Jens Stoltenberg. "
    "Trước hội nghị, Thổ Nhĩ Kỳ đã đồng ý chuyển hồ sơ gia nhập của Thụy Điển tới Quốc hội nước này. "
    "Tổng thống Ukraine Volodymyr Zelensky gặp các nhà lãnh đạo NATO tại Vilnius hôm 12/7. Ảnh:AFP "
    "Hai bên nhất trí thành lập Hội đồng NATO-Ukraine. "
    "Điện Kremlin cảnh báo sẽ đáp trả nếu NATO tiếp tục mở rộng về phía đông. "
    "Minh An (theo AFP)\n";

static void one_line_body_with_inline_captions(void **state)
{
    bn_article *a = page(state, PAGE_ONE_LINE, "2023-07-13");
    assert_string_equal(a->title, "NATO họp thượng đỉnh tại Vilnius, Thụy Điển tiến gần tư cách thành viên");
    static const char *const kept[] = {
        "Các nhà lãnh đạo NATO nhóm họp hai ngày",
        "Hội nghị thượng đỉnh NATO khai mạc tại Vilnius ngày 11/7/2023",
        "Trước hội nghị, Thổ Nhĩ Kỳ đã đồng ý",
        /* a caption that states a dated event is text */
        "gặp các nhà lãnh đạo NATO tại Vilnius hôm 12/7.",
        "Hai bên nhất trí thành lập Hội đồng NATO-Ukraine.",
        "Điện Kremlin cảnh báo sẽ đáp trả",
    };
    static const char *const dropped[] = {
        "Tổng thư ký NATO Jens Stoltenberg.", /* a caption that says nothing */
        "Ảnh:AFP",                            /* its credit */
        "Minh An",                            /* the byline */
        "(theo AFP)",
    };
    assert_body_has_all(a, kept, COUNT(kept));
    assert_body_has_none(a, dropped, COUNT(dropped));
    /* the events of the body are found: the summit, the meeting of 12/7 */
    int summit = 0, meeting = 0, warning = 0;
    for (size_t e = 0; e < a->nevents; e++) {
        summit |= strcmp(TX(a->events[e].date.value), "2023-07-11") == 0;
        meeting |= a->events[e].type == BN_EV_MEETING && strcmp(TX(a->events[e].date.value), "2023-07-12") == 0;
        warning |= a->events[e].type == BN_EV_WARNING;
    }
    assert_true(summit);
    assert_true(meeting);
    assert_true(warning);
    static const char *const foreign[] = {"Ảnh:AFP", "Minh An"};
    assert_events_from_body(a, foreign, COUNT(foreign));
}

/* A caption that says nothing on a line of its own keeps its place, as
 * before (readers count it as body); inside a crawled line it is dropped. */
static void caption_saying_nothing_on_its_own_line(void **state)
{
    bn_article *a = page(state,
                         "Ngoại trưởng Nga và Mỹ điện đàm\n"
                         "Ngoại trưởng Nga Sergei Lavrov hôm 2/3 điện đàm với Ngoại trưởng Mỹ về tình hình Ukraine.\n"
                         "Ngoại trưởng Nga Sergei Lavrov. (Ảnh: Reuters)\n"
                         "Hai bên nhất trí duy trì kênh liên lạc giữa hai bộ ngoại giao trong thời gian tới.\n",
                         "2022-03-03");
    assert_true(body_has(a, "Ngoại trưởng Nga Sergei Lavrov. (Ảnh: Reuters)"));
    assert_true(body_has(a, "Hai bên nhất trí duy trì kênh liên lạc"));
}

/* 24h's wrapper: a save-button notice glued before the body, the source
 * link twice and teasers of other stories after it, all on one line. */
static const char PAGE_24H[] =
    "Lưu bài viết thành công Bạn có thể xem lại bài viết đã lưu ở trangTin bài đã lưu "
    "Ngày 4/4/2023, Phần Lan chính thức trở thành thành viên thứ 31 của NATO trong lễ kết nạp tại Brussels. "
    "Ngoại trưởng Phần Lan đã trao văn kiện gia nhập cho Ngoại trưởng Mỹ Antony Blinken. "
    "Nga tuyên bố sẽ tăng cường lực lượng ở khu vực giáp biên giới Phần Lan. "
    "Video đang HOT "
    "Nguồn: [Link nguồn] "
    "Giá vàng hôm nay tăng mạnh sau khi ngân hàng trung ương công bố lãi suất mới. "
    "Đội tuyển bóng đá giành chiến thắng thứ ba liên tiếp tại vòng loại.";

static void wrapper_of_24h_left_out(void **state)
{
    bn_article *a = page(state, PAGE_24H, "2023-04-05");
    static const char *const kept[] = {
        "Ngày 4/4/2023, Phần Lan chính thức trở thành thành viên thứ 31 của NATO",
        "Ngoại trưởng Phần Lan đã trao văn kiện gia nhập",
        "Nga tuyên bố sẽ tăng cường lực lượng",
    };
    static const char *const dropped[] = {
        "Lưu bài viết thành công", "Bạn có thể xem lại", "Tin bài đã lưu", "Video đang HOT", "Nguồn", "Link nguồn",
        "Giá vàng hôm nay", "Đội tuyển bóng đá", /* other stories after the end */
    };
    assert_body_has_all(a, kept, COUNT(kept));
    assert_body_has_none(a, dropped, COUNT(dropped));
    assert_true(a->nevents > 0);
    static const char *const foreign[] = {"Giá vàng", "Đội tuyển"};
    assert_events_from_body(a, foreign, COUNT(foreign));
}

/* Words glued by the scraper read like their spaced twins: the same
 * events with the same dates, spans in the original bytes. */
static void glued_words_read_like_their_spaced_twin(void **state)
{
    static const char glued[] =
        "Nga cấm tàu chiến qua eo biển Kerch\n"
        "Bộ Quốc phòng Nga hôm 15/4thông báocấm tàu chiến nước ngoài đi qua ba khu vực ở Biển Đen. "
        "TheoRIA Novosti, lệnh cấm có hiệu lực từ ngày 24/4. Ngoại trưởng Ukraine cho biếtNga vi phạm luật quốc tế.\n";
    static const char spaced[] =
        "Nga cấm tàu chiến qua eo biển Kerch\n"
        "Bộ Quốc phòng Nga hôm 15/4 thông báo cấm tàu chiến nước ngoài đi qua ba khu vực ở Biển Đen. "
        "Theo RIA Novosti, lệnh cấm có hiệu lực từ ngày 24/4. Ngoại trưởng Ukraine cho biết Nga vi phạm luật quốc tế.\n";
    bn_article *g = page(state, glued, "2021-04-16");
    bn_article *s = page(state, spaced, "2021-04-16");
    assert_true(s->nevents > 0);
    assert_int_equal(g->nevents, s->nevents);
    assert_int_equal(g->nsentences, s->nsentences);
    for (size_t e = 0; e < s->nevents; e++) {
        assert_int_equal(g->events[e].type, s->events[e].type);
        assert_string_equal(TX(g->events[e].date.value), TX(s->events[e].date.value));
        assert_int_equal(g->events[e].nactors, s->events[e].nactors);
    }
    /* the sentence of each event spans one glued sentence of the original */
    static const char *const sentences[] = {
        "Bộ Quốc phòng Nga hôm 15/4thông báocấm tàu chiến nước ngoài đi qua ba khu vực ở Biển Đen.",
        "TheoRIA Novosti, lệnh cấm có hiệu lực từ ngày 24/4.",
        "Ngoại trưởng Ukraine cho biếtNga vi phạm luật quốc tế.",
    };
    for (size_t e = 0; e < g->nevents; e++) {
        const bn_source *src = &g->events[e].sources[0];
        int one = 0;
        for (size_t k = 0; k < COUNT(sentences); k++)
            one |= src->length == strlen(sentences[k]) && memcmp(g->raw + src->offset, sentences[k], src->length) == 0;
        if (!one)
            fail_msg("event sentence \"%.*s\" is no sentence of the page", (int)src->length, g->raw + src->offset);
    }
    assert_true(body_has(g, "hôm 15/4thông báocấm tàu chiến"));
}

/* A gallery crawled as one line: a caption printed twice keeps one copy
 * and the sentence after it; a credit naming an agency ends at it. */
static void caption_printed_twice_inside_a_line(void **state)
{
    bn_article *a = page(state,
                         "Triển lãm cổ vật mở cửa tại Hà Nội\n"
                         "Bảo tàng Lịch sử quốc gia khai mạc triển lãm cổ vật thời Đông Sơn ngày 3/2. "
                         "Trống đồng được đặt ở trung tâm phòng trưng bày. Trống đồng được đặt ở trung tâm phòng trưng bày. "
                         "Triển lãm kéo dài đến hết tháng 5 và mở cửa miễn phí. "
                         "Khách tham quan xem cổ vật trong ngày khai mạc. Ảnh: Reuters Hà Nội sẽ mở thêm "
                         "các buổi thuyết minh vào cuối tuần. Mai Lan\n",
                         "2026-02-04");
    static const char *const kept[] = {
        "Trống đồng được đặt ở trung tâm phòng trưng bày.",
        "Triển lãm kéo dài đến hết tháng 5 và mở cửa miễn phí.",
        "Hà Nội sẽ mở thêm các buổi thuyết minh vào cuối tuần.",
    };
    static const char *const dropped[] = {"Ảnh: Reuters", "Mai Lan",
                                          "phòng trưng bày. Trống đồng" /* the second copy */};
    assert_body_has_all(a, kept, COUNT(kept));
    assert_body_has_none(a, dropped, COUNT(dropped));
}

/* A full stop glued to the next sentence's capital ends a sentence; one
 * inside an abbreviation or a number does not. */
static void glued_full_stops_end_sentences(void **state)
{
    bn_article *a = page(state,
                         "Hai nước ký hiệp định thương mại\n"
                         "Việt Nam và Nhật Bản ký hiệp định hợp tác tại TP.HCM vào tháng 3 năm 2022.Ông Nguyễn Văn An "
                         "cho biết kim ngạch tăng 3.5 lần sau khi hiệp định có hiệu lực.Hai bên sẽ họp lại vào năm "
                         "sau. Trần Bình\n",
                         "2022-03-20");
    assert_int_equal(a->nsentences, 3);
    assert_true(body_has(a, "Hai bên sẽ họp lại vào năm sau."));
    assert_false(body_has(a, "Trần Bình"));
}

/* Found by review: glued words at a paragraph's start are no navigation
 * trail; a credit with no name, one in brackets before a full stop, one
 * with no closing bracket; a list heading that also begins sentences. */
static void credits_and_cuts_at_their_edges(void **state)
{
    bn_article *a = page(state,
                         "Nga cấm tàu qua eo biển\n"
                         "Hôm 15/4thông báocấm tàu chiến nước ngoài đi qua ba khu vực ở Biển Đen đã được công bố.\n"
                         "Các bộ trưởng họp tại Brussels hôm 12/4. Ảnh: internet Các bộ trưởng đồng ý tăng ngân sách.\n"
                         "Ngoại trưởng Nga Sergei Lavrov (Ảnh: Reuters). Hai bên đã ký một thỏa thuận về trao đổi tù binh.\n"
                         "Tổng thống Pháp tại Hà Nội (Ảnh: AFP. Hai bên ký hiệp định. Ba bên ký nghị định thư về hợp tác.\n"
                         "Hội nghị bế mạc hôm qua. Chủ đề Hợp tác vì phát triển bền vững được các đại biểu nhất trí.\n",
                         "2021-04-16");
    static const char *const kept[] = {
        "Hôm 15/4thông báocấm tàu chiến",
        "Các bộ trưởng đồng ý tăng ngân sách.",
        "Hai bên đã ký một thỏa thuận",
        "Chủ đề Hợp tác vì phát triển bền vững được các đại biểu nhất trí.",
    };
    assert_body_has_all(a, kept, COUNT(kept));
    for (size_t i = 0; i < a->nbody; i++) {
        char c = a->raw[a->body_offsets[2 * i]];
        if (c == ':' || c == '.')
            fail_msg("a body span starts with '%c'", c);
    }
    int ba_ben = 0;
    for (size_t i = 0; i < a->nsentences; i++)
        ba_ben |= strncmp(a->text.s + a->sentences[i].start, "Ba bên ký", 9) == 0;
    assert_true(ba_ben);
}

/* A record whose text is one sentence without a full stop (a feed's
 * description under its title) is that sentence, not a lone teaser. */
static void record_of_one_sentence(void **state)
{
    test_env *env = *state;
    static const char text[] = "Ngoại trưởng hai nước nhất trí mở lại đường bay thẳng giữa hai thủ đô từ tháng sau, "
                               "theo thông cáo chung công bố chiều 2/2";
    bn_record rec = {.path = "feed.jsonl", .id = "feed-1", .title = "Hai nước mở lại đường bay thẳng",
                     .date = "2026-02-02", .text = text, .len = sizeof text - 1, .line = 1};
    bn_article *a = NULL;
    bn_error err;
    bn_error_clear(&err);
    assert_int_equal(bn_extract(env->ex, &rec, &a, &err), BN_OK);
    own(a);
    assert_string_equal(a->title, "Hai nước mở lại đường bay thẳng");
    assert_true(body_has(a, "Ngoại trưởng hai nước nhất trí mở lại đường bay thẳng"));

    /* a short line, a blank line and one sentence: the sentence is the
     * article, not another article's teaser */
    static const char text2[] = "Tin ngắn\n\nNgoại trưởng Việt Nam và Ngoại trưởng Nhật Bản hôm 2/2 nhất trí mở lại đường bay thẳng.";
    bn_record rec2 = {.path = "feed.jsonl", .id = "feed-2", .title = "Hai nước mở lại đường bay thẳng",
                      .date = "2026-02-02", .text = text2, .len = sizeof text2 - 1, .line = 2};
    bn_article *b = NULL;
    assert_int_equal(bn_extract(env->ex, &rec2, &b, &err), BN_OK);
    own(b);
    assert_true(body_has(b, "Ngoại trưởng Việt Nam và Ngoại trưởng Nhật Bản hôm 2/2 nhất trí"));
    assert_true(b->nevents > 0);
}

/* ---- 7. a related headline in the middle ------------------------------ */

static void related_headline_mid_article(void **state)
{
    bn_article *a = page(state,
                                 "Ukraine nộp đơn xin gia nhập NATO theo thủ tục cấp tốc\n"
                                 "Ngày 30/9/2022, Tổng thống Volodymyr Zelensky ký đơn xin gia nhập NATO theo thủ tục "
                                 "cấp tốc, chỉ vài giờ sau khi Moskva tuyên bố sáp nhập bốn vùng của Ukraine.\n"
                                 "Nhà Trắng phản ứng thận trọng, cho rằng thời điểm hiện tại chưa phù hợp để xem xét "
                                 "hồ sơ này.\n"
                                 "Tin liên quan\n"
                                 "Ngày 21/9, Nga tuyên bố động viên một phần quân dự bị\n"
                                 "Tổng thư ký Jens Stoltenberg nhắc lại rằng quyết định kết nạp thành viên mới cần sự "
                                 "đồng thuận của toàn bộ 30 nước trong liên minh.\n"
                                 "Một số nước Đông Âu bày tỏ ủng hộ việc đẩy nhanh tiến trình dành cho Kiev.\n",
                                 NULL);
    assert_string_equal(a->title, "Ukraine nộp đơn xin gia nhập NATO theo thủ tục cấp tốc");
    assert_false(body_has(a, "Tin liên quan"));
    assert_false(body_has(a, "động viên một phần"));
    assert_true(body_has(a, "Ngày 30/9/2022, Tổng thống Volodymyr Zelensky"));
    assert_true(body_has(a, "Nhà Trắng phản ứng thận trọng"));
    /* the paragraphs after the list are the article's */
    assert_true(body_has(a, "Tổng thư ký Jens Stoltenberg nhắc lại"));
    assert_true(body_has(a, "Một số nước Đông Âu"));
    assert_int_equal(body_spans(a), 4);
    assert_int_equal(a->nsentences, 4);
    static const char *const foreign[] = {"động viên"};
    assert_events_from_body(a, foreign, COUNT(foreign));
}

static void related_question_headline_mid_article(void **state)
{
    bn_article *a = page(state,
                                 "Ukraine nộp đơn xin gia nhập NATO theo thủ tục cấp tốc\n"
                                 "Ngày 30/9/2022, Tổng thống Volodymyr Zelensky ký đơn xin gia nhập NATO theo thủ tục "
                                 "cấp tốc, chỉ vài giờ sau khi Moskva tuyên bố sáp nhập bốn vùng của Ukraine.\n"
                                 "Nhà Trắng phản ứng thận trọng, cho rằng thời điểm hiện tại chưa phù hợp để xem xét "
                                 "hồ sơ này.\n"
                                 "Tin liên quan\n"
                                 "Vì sao Ukraine chưa thể gia nhập NATO dù được nhiều nước ủng hộ?\n"
                                 "Tổng thư ký Jens Stoltenberg nhắc lại rằng quyết định kết nạp thành viên mới cần sự "
                                 "đồng thuận của toàn bộ 30 nước trong liên minh.\n"
                                 "Một số nước Đông Âu bày tỏ ủng hộ việc đẩy nhanh tiến trình dành cho Kiev.\n",
                                 NULL);
    assert_true(body_has(a, "Tổng thư ký Jens Stoltenberg nhắc lại"));
    assert_true(body_has(a, "Một số nước Đông Âu"));
    /* a related headline that is a question of 8 words or more does not
     * end the "Tin liên quan" list: only a paragraph does */
    assert_false(body_has(a, "Vì sao Ukraine chưa thể gia nhập NATO"));
    assert_int_equal(a->nsentences, 4);
}

/* ---- 8. the title printed twice at the top ---------------------------- */

static void title_printed_twice_at_top(void **state)
{
    static const char title[] = "Phần Lan chính thức trở thành thành viên thứ 31 của NATO";
    bn_article *a = page(state,
                                 "Phần Lan chính thức trở thành thành viên thứ 31 của NATO\n"
                                 "\n"
                                 "Phần Lan chính thức trở thành thành viên thứ 31 của NATO\n"
                                 "\n"
                                 "Ngày 4/4/2023, Phần Lan chính thức gia nhập NATO khi Ngoại trưởng Pekka Haavisto trao "
                                 "văn kiện phê chuẩn cho Ngoại trưởng Mỹ Antony Blinken tại Brussels.\n"
                                 "\n"
                                 "Lá cờ Phần Lan được kéo lên bên ngoài trụ sở liên minh trong buổi chiều cùng ngày.\n"
                                 "\n"
                                 "Điện Kremlin cảnh báo Nga sẽ có biện pháp đáp trả nếu liên minh triển khai thêm lực "
                                 "lượng trên lãnh thổ Phần Lan.\n",
                                 NULL);
    assert_string_equal(a->title, title);
    /* the title once, as the title: no body span repeats it */
    assert_false(body_has(a, title));
    /* the paragraph after the doubled headline is the lead, not a teaser */
    assert_true(body_has(a, "Ngày 4/4/2023, Phần Lan chính thức gia nhập NATO"));
    assert_true(body_has(a, "Lá cờ Phần Lan được kéo lên"));
    assert_true(body_has(a, "Điện Kremlin cảnh báo"));
    assert_int_equal(body_spans(a), 3);
    assert_int_equal(a->nsentences, 3);
    assert_events_from_body(a, NULL, 0);
}

/* A line holding an image's markup ("<image", "<img", "data:image/") is
 * page furniture, wherever in the line it is; a '<' or a ':' alone is
 * not. */
static void image_markup_dropped(void **state)
{
    const char *text = "Nga và Ukraine trao đổi tù binh\n"
                       "Hai bên đã trao đổi 200 tù binh hôm thứ Bảy, theo thông báo của Bộ Quốc phòng Nga.\n"
                       "Ảnh chụp ngày 5/4 <img src=\"a.jpg\"> tại biên giới giữa hai nước láng giềng\n"
                       "Xem ảnh data:image/png;base64,iVBORw0KGgo tại biên giới giữa hai nước láng giềng\n"
                       "Ông Zelensky nói: số tù binh được trao đổi lần này lớn hơn < 300 người của lần trước.\n";
    bn_article *a = page(state, text, "2025-04-06");
    const char *const kept[] = {"Hai bên đã trao đổi", "Ông Zelensky nói:"};
    const char *const dropped[] = {"<img", "data:image"};
    assert_body_has_all(a, kept, COUNT(kept));
    assert_body_has_none(a, dropped, COUNT(dropped));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_teardown(layout_a_international_affairs, release_all),
        cmocka_unit_test_teardown(image_markup_dropped, release_all),
        cmocka_unit_test_teardown(layout_b_portal_with_form, release_all),
        cmocka_unit_test_teardown(layout_c_daily_with_date_line, release_all),
        cmocka_unit_test_teardown(layout_d_breadcrumb_images_and_list, release_all),
        cmocka_unit_test_teardown(dct_from_date_line_near_title, release_all),
        cmocka_unit_test_teardown(dct_from_url_without_date_line, release_all),
        cmocka_unit_test_teardown(dct_not_from_time_stamps_of_a_list, release_all),
        cmocka_unit_test_teardown(dct_given_wins_over_page, release_all),
        cmocka_unit_test_teardown(all_boilerplate_page, release_all),
        cmocka_unit_test_teardown(all_boilerplate_page_with_question_headlines, release_all),
        cmocka_unit_test_teardown(page_without_boilerplate, release_all),
        cmocka_unit_test_teardown(nfd_page_reads_like_its_nfc_twin, release_all),
        cmocka_unit_test_teardown(crlf_page_reads_like_its_lf_twin, release_all),
        cmocka_unit_test_teardown(related_headline_mid_article, release_all),
        cmocka_unit_test_teardown(related_question_headline_mid_article, release_all),
        cmocka_unit_test_teardown(title_printed_twice_at_top, release_all),
        cmocka_unit_test_teardown(one_line_body_with_inline_captions, release_all),
        cmocka_unit_test_teardown(caption_saying_nothing_on_its_own_line, release_all),
        cmocka_unit_test_teardown(wrapper_of_24h_left_out, release_all),
        cmocka_unit_test_teardown(glued_words_read_like_their_spaced_twin, release_all),
        cmocka_unit_test_teardown(caption_printed_twice_inside_a_line, release_all),
        cmocka_unit_test_teardown(glued_full_stops_end_sentences, release_all),
        cmocka_unit_test_teardown(credits_and_cuts_at_their_edges, release_all),
        cmocka_unit_test_teardown(record_of_one_sentence, release_all),
    };
    return cmocka_run_group_tests(tests, test_env_setup, test_env_teardown);
}
