# Common compile settings for every Gatehouse target.
function(gatehouse_target_defaults target)
  target_compile_definitions(${target} PRIVATE
    QT_NO_KEYWORDS QT_NO_CAST_FROM_ASCII QT_NO_FOREACH QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_DISABLE_DEPRECATED_BEFORE=0x060400)
  target_compile_options(${target} PRIVATE -Wall -Wextra)
  if(GATEHOUSE_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()

# gatehouse_add_test(NAME SOURCES... LIBS ... [LABELS ...] [TIMEOUT s])
# One Qt Test executable per area, registered with ctest.
function(gatehouse_add_test name)
  cmake_parse_arguments(T "" "TIMEOUT" "SOURCES;LIBS;LABELS;ENV" ${ARGN})
  add_executable(${name} ${T_SOURCES})
  gatehouse_target_defaults(${name})
  # Tests may build QStrings from literals freely; product code may not.
  target_compile_options(${name} PRIVATE -UQT_NO_CAST_FROM_ASCII)
  get_target_property(defs ${name} COMPILE_DEFINITIONS)
  list(REMOVE_ITEM defs QT_NO_CAST_FROM_ASCII)
  set_target_properties(${name} PROPERTIES COMPILE_DEFINITIONS "${defs}")
  target_link_libraries(${name} PRIVATE Qt6::Test ${T_LIBS})
  target_compile_definitions(${name} PRIVATE
    GATEHOUSE_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
    GATEHOUSE_BINARY_DIR="${PROJECT_BINARY_DIR}")
  add_test(NAME ${name} COMMAND ${name})
  if(NOT T_TIMEOUT)
    set(T_TIMEOUT 300)
  endif()
  set_tests_properties(${name} PROPERTIES TIMEOUT ${T_TIMEOUT})
  if(T_LABELS)
    set_tests_properties(${name} PROPERTIES LABELS "${T_LABELS}")
  endif()
  if(T_ENV)
    set_tests_properties(${name} PROPERTIES ENVIRONMENT "${T_ENV}")
  endif()
endfunction()

# gatehouse_add_fuzzer(NAME SOURCES... LIBS ... [CORPUS dir])
# With GATEHOUSE_FUZZ (clang): a libFuzzer binary (-fsanitize=fuzzer,address,undefined).
# Otherwise: the same LLVMFuzzerTestOneInput linked with tests/fuzz/replaymain.cpp, registered
# with ctest to replay the seed corpus, so every normal build keeps the target compiling and
# the corpus passing.
function(gatehouse_add_fuzzer name)
  cmake_parse_arguments(F "" "CORPUS" "SOURCES;LIBS" ${ARGN})
  if(GATEHOUSE_FUZZ)
    add_executable(${name} ${F_SOURCES})
    target_compile_options(${name} PRIVATE -fsanitize=fuzzer,address,undefined)
    target_link_options(${name} PRIVATE -fsanitize=fuzzer,address,undefined)
  else()
    add_executable(${name} ${F_SOURCES} ${PROJECT_SOURCE_DIR}/tests/fuzz/replaymain.cpp)
    if(F_CORPUS)
      add_test(NAME ${name}_corpus COMMAND ${name} ${F_CORPUS})
      set_tests_properties(${name}_corpus PROPERTIES LABELS fuzz TIMEOUT 120)
    endif()
  endif()
  gatehouse_target_defaults(${name})
  target_link_libraries(${name} PRIVATE ${F_LIBS})
endfunction()
