#ifndef VIGIL_CEDITLINE_SHIM_H
#define VIGIL_CEDITLINE_SHIM_H

#include <stdio.h>
#include <editline/readline.h>

#endif
