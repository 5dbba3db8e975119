/* libFuzzer harness: the bytes are one knowledge-base file (a data/kb file,
 * or a user's --kb file), loaded by bn_kb_load into a fresh knowledge base
 * and compiled; every error must come back as a status.  A knowledge base
 * that compiles is then used on a short fixed article (bn_extract), as a
 * user's file would be.
 *
 * The loader takes a path: the bytes go to an in-memory file (memfd,
 * /proc/self/fd/N), else to a temporary file, rewritten for each input. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "bn_extract.h"
#include "bn_kb.h"
#include "bn_model.h"
#include "fuzz_common.h"

static bn_lang *lang;
static int fd = -1;
static char path[4200];

static const char article[] =
    "NATO tạm ngừng hợp tác thực tế với Nga sau sự kiện Crimea\n\n"
    "Minh Châu\n07:42:10 02/04/2014\n\n"
    "Hôm 1/4, ngoại trưởng 28 nước thành viên Tổ chức Hiệp ước Bắc Đại Tây Dương (NATO) đã nhất trí tạm ngừng "
    "toàn bộ hợp tác thực tế, cả dân sự lẫn quân sự, với Nga.\n\n"
    "Quyết định được đưa ra trong ngày đầu của hội nghị ngoại trưởng NATO diễn ra từ ngày 1-2/4 tại trụ sở liên "
    "minh ở Brussels (Bỉ).\n\n"
    "Phát biểu với báo giới trước phiên họp cùng ngày, Tổng thư ký NATO Anders Fogh Rasmussen cho biết liên minh "
    "chưa ghi nhận dấu hiệu nào cho thấy Nga đã rút quân khỏi khu vực giáp biên giới Ukraine.\n\n"
    "Cũng trong ngày 1/4, ông Rasmussen kêu gọi Moskva kéo lùi lực lượng. Ngày 20/4, Hội đồng NATO - Nga đã họp "
    "ở cấp đại sứ tại Brussels; Tổng thống Mỹ Barack Obama và Tổng thống Nga Vladimir Putin điện đàm.\n";

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void remove_temp(void)
{
    if (fd >= 0 && strncmp(path, "/proc/", 6) != 0)
        unlink(path);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    lang = fuzz_load_lang();
    fd = memfd_create("fuzz_kb.json", 0);
    if (fd >= 0) {
        snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
    } else {
        const char *tmp = getenv("TMPDIR");
        snprintf(path, sizeof path, "%s/fuzz_kb.XXXXXX", tmp && *tmp ? tmp : "/tmp");
        if ((fd = mkstemp(path)) < 0) {
            perror("fuzz_kb: mkstemp");
            exit(1);
        }
        atexit(remove_temp);
    }
    return 0;
}

static void put_file(const uint8_t *data, size_t size)
{
    if (ftruncate(fd, 0) != 0) {
        perror("fuzz_kb: ftruncate");
        abort();
    }
    size_t done = 0;
    while (done < size) {
        ssize_t n = pwrite(fd, data + done, size - done, (off_t)done);
        if (n <= 0) {
            perror("fuzz_kb: pwrite");
            abort();
        }
        done += (size_t)n;
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    put_file(data, size);
    bn_kb *kb = bn_kb_new();
    if (!kb)
        abort();
    bn_error err;
    bn_error_clear(&err);
    bn_status st = bn_kb_load(kb, path, &err);
    if (st != BN_OK && st != BN_ERR_NOMEM && err.status == BN_OK)
        abort(); /* a refused file must say why */
    if (st == BN_OK)
        st = bn_kb_compile(kb);
    if (st == BN_OK) {
        bn_read_options ro = {0};
        bn_extractor *ex = bn_extractor_new(kb, lang, &ro);
        if (!ex)
            abort();
        bn_record rec = fuzz_text_record(article, sizeof article - 1, NULL, NULL);
        bn_article *a = NULL;
        bn_error_clear(&err);
        if (bn_extract(ex, &rec, &a, &err) != BN_OK) {
            char buf[1200];
            bn_error_format(&err, buf, sizeof buf);
            fprintf(stderr, "fuzz_kb: the fixed article does not extract with this knowledge base: %s\n", buf);
            abort();
        }
        fuzz_check_article(a, FUZZ_READ | FUZZ_SPLIT | FUZZ_DATES | FUZZ_ACTORS | FUZZ_EVENTS);
        bn_article_free(a);
        bn_extractor_free(ex);
    }
    bn_kb_free(kb);
    return 0;
}
