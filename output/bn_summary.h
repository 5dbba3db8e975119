/* Short Vietnamese texts about an event, shared by the pictures, the
 * report page and the dashboard formats. */
#ifndef BN_SUMMARY_H
#define BN_SUMMARY_H

#include <stddef.h>

#include "bn_timeline.h"

/* "NATO, Nga – Ukraine: cảnh báo": sources – targets: trigger, and the
 * place when there is one ("… (Brussels)").  Truncated to `size`. */
void bn_event_summary(const bn_timeline *tl, const bn_event *e, char *buf, size_t size);

/* "NATO – Nga": the actors alone, sources then targets. */
void bn_event_parties(const bn_timeline *tl, const bn_event *e, char *buf, size_t size);

/* A date as a Vietnamese reader writes it: "12/1/2022", "11–12/7/2023",
 * "tháng 1/2022", "tuần 2/2022", "quý 1/2022", "2022", "12/1 (năm ?)". */
void bn_date_vi(const bn_timex *t, char *buf, size_t size);

#endif
