#ifndef VIGIL_CEDITLINE_SHIM_H
#define VIGIL_CEDITLINE_SHIM_H

#include <stdio.h>
#include <editline/readline.h>

/* Swift 6 refuses to touch C global variables directly; these accessors are the one place
   the shell reads and sets libedit's readline globals, always from the main thread. */
static inline void vigil_set_completion(char *(*generator)(const char *, int)) {
    rl_completion_entry_function = (rl_compentry_func_t *)generator;
}
static inline const char *vigil_line_buffer(void) { return rl_line_buffer; }
static inline int vigil_point(void) { return rl_point; }

#endif
