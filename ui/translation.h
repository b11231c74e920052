/*
 * translation.h - what the address bar knows of an access's translation
 * part-way through its events (no curses: tested on its own).
 */
#ifndef VMSCOPE_UI_TRANSLATION_H
#define VMSCOPE_UI_TRANSLATION_H

#include <stdint.h>

#include "event.h"

enum translation {
	TR_UNKNOWN,     /* no frame found yet */
	TR_FOUND,       /* the frame and the physical address are known */
	TR_REFUSED,     /* a segmentation or protection fault: no physical address */
};

/*
 * After the first `shown` of the n events of one access (ev[0] its SPLIT),
 * what is known: the frame and physical address once an event has found
 * them; never any for an access that is refused, even before its refusal
 * is shown.
 */
enum translation translation_known(const struct event *ev, unsigned n, unsigned shown,
				   unsigned page_size, int *frame, uint64_t *paddr);

#endif
