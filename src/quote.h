/*
 * quote.h - user bytes made safe to show in a message: the one escaping
 * every message that echoes what a user wrote goes through, so no file,
 * line or argument can send escape sequences to the terminal.
 */
#ifndef VMSCOPE_QUOTE_H
#define VMSCOPE_QUOTE_H

#include <stddef.h>

/*
 * Writes s[0..n) to dst in double quotes: quotes and backslashes escaped,
 * \n and \t as such, every other control character (C1 and bidi
 * included), DEL and each byte that is not part of well-formed UTF-8 as
 * \xNN; printable
 * UTF-8 is kept.  Cut with "..." after about maxlen bytes of s or where
 * dst is full (dst always ends in a quote and a NUL once size >= 8).
 */
void quote_bytes(char *dst, size_t size, const char *s, size_t n, size_t maxlen);

/* The same for a NUL-terminated string. */
void quote_string(char *dst, size_t size, const char *s, size_t maxlen);

/*
 * The bidirectional control character (U+200E, U+200F, U+202A-U+202E,
 * U+2066-U+2069) whose UTF-8 starts at s[0..n), or 0 if none does: they
 * reorder the text around them on the screen, so what a user wrote is
 * never shown with them raw.
 */
unsigned bidi_control_at(const char *s, size_t n);

#endif
