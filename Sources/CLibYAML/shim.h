// libyaml's event parser, from Debian's libyaml-dev (the YAML limits' pre-scan reads its events).
#include <yaml.h>
