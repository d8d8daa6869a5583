# Warnings and sanitizers as INTERFACE targets: link them, never edit
# global flags.
add_library(lfrplan_warnings INTERFACE)
target_compile_options(lfrplan_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion
  -Wnon-virtual-dtor -Wold-style-cast -Wcast-align -Woverloaded-virtual
  -Wnull-dereference -Wdouble-promotion -Wformat=2 -Wimplicit-fallthrough)
if(LFRPLAN_WERROR)
  target_compile_options(lfrplan_warnings INTERFACE -Werror)
endif()

add_library(lfrplan_sanitizers INTERFACE)
if(LFRPLAN_SANITIZE)
  target_compile_options(lfrplan_sanitizers INTERFACE
    -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
  target_link_options(lfrplan_sanitizers INTERFACE -fsanitize=address,undefined)
endif()
