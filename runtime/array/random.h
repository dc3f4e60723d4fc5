/* random.h: numpy.random, reproducing NumPy 1.24's streams bit for bit: the legacy interface
 * (a per-VM RandomState over MT19937: seed, rand, randn, randint, choice, shuffle, ...) and
 * default_rng's Generator (SeedSequence + PCG64: random, integers, normal, choice, ...). */
#ifndef RANDOM_H
#define RANDOM_H

#include "array.h"

/* Creates the numpy.random module (registered in vm->modules as "numpy.random", reusing the
 * module object found there if `import numpy.random` is in progress) and binds it as the
 * attribute `random` of np. Called from np_module_init. 0, or -1 with an exception raised. */
int rnd_init(VM *vm, ModuleObj *np);

/* ModuleDef init for "numpy.random" imported before numpy: imports numpy, which fills m. */
int rnd_module_init(VM *vm, ModuleObj *m);

#endif
