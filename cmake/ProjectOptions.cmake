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

# Debian's hardening for what ships (fortified libc calls, stack protector,
# full RELRO with immediate binding), through lfrplan_warnings, which every
# target links. Not with the sanitizers or the fuzzer, which bring their own
# checks, and not in Debug (fortify needs optimisation).
add_library(lfrplan_hardening INTERFACE)
if(NOT LFRPLAN_SANITIZE AND NOT LFRPLAN_FUZZ)
  target_compile_options(lfrplan_hardening INTERFACE
    $<$<NOT:$<CONFIG:Debug>>:-U_FORTIFY_SOURCE -D_FORTIFY_SOURCE=2> -fstack-protector-strong)
  target_link_options(lfrplan_hardening INTERFACE -Wl,-z,relro -Wl,-z,now)
endif()
target_link_libraries(lfrplan_warnings INTERFACE lfrplan_hardening)
