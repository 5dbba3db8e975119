/* Links back to the source: only an absolute http(s) url is a link. */
#include <stddef.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdint.h>

#include <cmocka.h>

#include "bn_links.h"

static void http_and_https_are_links(void **state)
{
    (void)state;
    const char *ok[] = {"https://vnexpress.net/a-1.html", "http://example.org/", "HTTPS://Example.org/x?y=1&z='2'(3)",
                        "https://báo.vn/tin-tức", "https://example.org/%22%3Cb%3E"};
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++)
        assert_ptr_equal(bn_link_url(ok[i]), ok[i]);
}

static void anything_else_is_no_link(void **state)
{
    (void)state;
    const char *no[] = {"javascript:alert(1)", "JavaScript:alert(1)", " https://example.org/", "data:text/html,<b>",
                        "vbscript:x", "/relative/path.html", "relative.html", "//example.org/x", "https://",
                        "https:///path", "http:example.org", "https://exa mple.org/", "https://example.org/\n",
                        "https://example.org/\tx", "ftp://example.org/", "file:///etc/passwd", "", "https://ex\x7f",
                        "https://example.org/a\"><script>", "https://example.org/<b>", "https://example.org/{x}",
                        "https://example.org/a\\b", "https://example.org/`x`", "https://example.org/a|b^c"};
    for (size_t i = 0; i < sizeof no / sizeof no[0]; i++)
        assert_null(bn_link_url(no[i]));
    assert_null(bn_link_url(NULL));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(http_and_https_are_links),
        cmocka_unit_test(anything_else_is_no_link),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
